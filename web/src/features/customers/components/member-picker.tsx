/** Picks active members by searching the directory (name, pinyin initials, mobile, email). */
import { Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypedSearch } from '../../../lib/hooks/use-typed-search';
import { useMemberSearch } from '../api';

export type MemberOption = { value: string; label: string };

type Props = {
  value?: string | string[] | null;
  /** `label` is the chosen member's name (single choice only). */
  onChange?: (value: string | string[] | undefined, label?: string) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Labels of members already chosen (the search results may not include them). */
  known?: MemberOption[];
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
};

export function MemberPicker({ value, onChange, multiple, placeholder, known, id, style, ...rest }: Props) {
  const { t } = useTranslation('customers');
  const [q, setSearch] = useTypedSearch();
  const results = useMemberSearch(q);
  const options = useMemo(() => {
    const byId = new Map<string, MemberOption>();
    if (!q) for (const option of known ?? []) byId.set(option.value, option);
    for (const m of results.data ?? []) byId.set(m.id, { value: m.id, label: m.name });
    return [...byId.values()];
  }, [q, known, results.data]);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined, option?: MemberOption | MemberOption[]) =>
        onChange?.(v, option && !Array.isArray(option) ? option.label : undefined)
      }
      placeholder={placeholder ?? t('memberPicker.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      options={options}
      allowClear
      notFoundContent={results.isFetching ? <Spin size="small" /> : undefined}
      style={{ width: '100%', ...style }}
      aria-label={rest['aria-label']}
    />
  );
}
