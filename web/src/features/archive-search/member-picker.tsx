/** Search-as-you-type picker of a colleague to filter by sender (GET /api/v1/members?q=). */
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberOptions } from './archive-search-api';

type Option = { value: string; label: string };

export function MemberPicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation('archiveSearch');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useMemberOptions(q);
  const options = useMemo(() => {
    const found: Option[] = (search.data?.items ?? []).map((m) => ({
      value: m.id,
      label: m.title ? `${m.name}（${m.title}）` : m.name,
    }));
    if (picked && value === picked.value && !found.some((o) => o.value === picked.value)) found.unshift(picked);
    return found;
  }, [search.data, picked, value]);
  return (
    <Select<string, Option>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={t('filters.memberPlaceholder')}
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
