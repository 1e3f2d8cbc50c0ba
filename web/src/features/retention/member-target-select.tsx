/** Search-as-you-type picker of a colleague of any status: departed colleagues are the ones most often held. */
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberSearch } from './retention-api';

type Option = { value: string; label: string; name: string };

export function MemberTargetSelect({
  value,
  onChange,
  onPicked,
  id,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The chosen colleague's name, for messages and the holds table. */
  onPicked?: (name: string) => void;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation('retention');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useMemberSearch(q);
  const options = useMemo(() => {
    const found: Option[] = (search.data?.items ?? []).map((m) => {
      const status = m.status === 'active' ? '' : ` · ${t(`holds.memberStatus.${m.status}`)}`;
      return { value: m.id, name: m.name, label: `${m.title ? `${m.name}（${m.title}）` : m.name}${status}` };
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
      placeholder={placeholder ?? t('newHold.memberPlaceholder')}
      options={options}
      loading={search.isFetching}
      onChange={(next, option) => {
        const chosen = option && !Array.isArray(option) ? option : null;
        setPicked(chosen);
        if (chosen) onPicked?.(chosen.name);
        onChange?.(next);
      }}
      notFoundContent={search.isFetching ? undefined : null}
      style={{ width: '100%' }}
    />
  );
}
