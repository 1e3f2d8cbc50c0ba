/**
 * Search-as-you-type picker of one member, departed ones included, for console filters (the audit
 * log's 操作人, the archive's sender): GET /api/v1/members?q=.
 */
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypedSearch } from '../../lib/hooks/use-typed-search';
import { useMemberSearch } from './audit-api';

type Option = { value: string; label: string };

export function MemberSelect({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation('admin');
  const [q, setTyped] = useTypedSearch();
  const [picked, setPicked] = useState<Option | null>(null);
  const search = useMemberSearch(q, true);

  const options = useMemo(() => {
    const found: Option[] = (search.data?.items ?? []).map((m) => {
      // Departed colleagues are often the ones looked for: say so beside the name.
      const status = m.status === 'active' ? '' : ` · ${t(`common:memberStatus.${m.status}`)}`;
      return { value: m.id, label: `${m.title ? `${m.name}（${m.title}）` : m.name}${status}` };
    });
    if (picked && value === picked.value && !found.some((o) => o.value === picked.value)) found.unshift(picked);
    return found;
  }, [search.data, picked, value, t]);

  return (
    <Select<string, Option>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={placeholder ?? t('audit.actorPlaceholder')}
      options={options}
      loading={search.isFetching}
      onChange={(next, option) => {
        setPicked(option && !Array.isArray(option) ? option : null);
        onChange?.(next);
      }}
      notFoundContent={search.isFetching ? undefined : null}
      style={{ width: '100%' }}
    />
  );
}
