/**
 * Search-as-you-type picker of one customer for a legal hold: GET /api/v1/customers?q= (name,
 * pinyin initials, company or mobile), showing the company and owner so namesakes can be told apart.
 */
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypedSearch } from '../../lib/hooks/use-typed-search';
import { useCustomerList } from '../customers/api';

type Option = { value: string; label: string };

export function CustomerSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation('retention');
  const [q, setTyped] = useTypedSearch();
  const [picked, setPicked] = useState<Option | null>(null);
  const search = useCustomerList(q ? { q } : {});

  const options = useMemo(() => {
    const found: Option[] = (search.data?.pages[0]?.items ?? []).map((c) => ({
      value: c.id,
      label: [c.name, c.company, t('newHold.customerOwner', { name: c.owner.name })].filter(Boolean).join(' · '),
    }));
    if (picked && value === picked.value && !found.some((o) => o.value === picked.value)) found.unshift(picked);
    return found;
  }, [search.data, picked, value, t]);

  return (
    <Select<string, Option>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={t('newHold.customerPlaceholder')}
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
