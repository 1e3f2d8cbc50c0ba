/** Search-as-you-type member select (GET /api/v1/members?q=), single or multiple. */
import { Select } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypedSearch } from '../../lib/hooks/use-typed-search';
import { useMemberSearch } from './api';

type Option = { value: string; label: string };

type Props = {
  id?: string;
  exclude?: string[];
} & (
  | { mode: 'multiple'; value?: string[]; onChange?: (value: string[]) => void }
  | { mode: 'single'; value?: string; onChange?: (value: string | undefined) => void }
);

export function MemberPicker(props: Props) {
  const { t } = useTranslation('messages');
  const [q, setTyped] = useTypedSearch();
  const known = useRef(new Map<string, Option>());
  const search = useMemberSearch(q);
  const exclude = props.exclude;

  const options = useMemo(() => {
    const found: Option[] = (search.data?.items ?? [])
      .filter((m) => !exclude?.includes(m.id))
      .map((m) => ({ value: m.id, label: m.title ? `${m.name}（${m.title}）` : m.name })); // i18n-exempt: full-width brackets around data
    for (const o of found) known.current.set(o.value, o);
    const selected = props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
    for (const id of selected) {
      const o = known.current.get(id);
      if (o && !found.some((f) => f.value === id)) found.unshift(o);
    }
    return found;
  }, [search.data, exclude, props.mode, props.value]);

  const common = {
    id: props.id,
    showSearch: { filterOption: false, onSearch: setTyped },
    placeholder: t('create.membersPlaceholder'),
    options,
    loading: search.isFetching,
    notFoundContent: search.isFetching ? undefined : null,
    style: { width: '100%' },
  } as const;

  return props.mode === 'multiple' ? (
    <Select<string[], Option> {...common} mode="multiple" value={props.value} onChange={(v) => props.onChange?.(v)} />
  ) : (
    <Select<string, Option> {...common} allowClear value={props.value} onChange={(v) => props.onChange?.(v)} />
  );
}
