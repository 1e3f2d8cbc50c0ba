/** Picks members by searching the server (name, pinyin initials, mobile, email) as the user types. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { useTypedSearch } from '../../../lib/hooks/use-typed-search';
import { directoryKeys } from '../api/queries';

export type MemberOption = { value: string; label: string };

type Props = {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Labels for members already chosen (the search results may not include them). */
  knownOptions?: MemberOption[];
  /** Members that may not be chosen (e.g. the member being edited as their own supervisor). */
  excludeIds?: readonly string[];
  id?: string;
};

export function MemberSelect({ value, onChange, multiple, placeholder, knownOptions, excludeIds, id }: Props) {
  const { t } = useTranslation('directory');
  const [q, setSearch] = useTypedSearch();
  const results = useQuery({
    queryKey: directoryKeys.memberSearch(q),
    queryFn: () =>
      unwrap(api.GET('/api/v1/members', { params: { query: { q: q || undefined, status: 'active', limit: 20 } } })),
    staleTime: 30_000,
    // The last list stays while the next search loads, so the dropdown does not flash empty.
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const byId = new Map<string, MemberOption>();
    // While searching, only matches are listed (the select remembers labels of chosen members).
    if (!q) for (const option of knownOptions ?? []) byId.set(option.value, option);
    for (const m of results.data?.items ?? []) {
      byId.set(m.id, { value: m.id, label: m.title ? t('nameWithTitle', { name: m.name, title: m.title }) : m.name });
    }
    return [...byId.values()].filter((o) => !excludeIds?.includes(o.value));
  }, [q, knownOptions, results.data, excludeIds, t]);

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={onChange}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      options={options}
      allowClear
      notFoundContent={results.isFetching ? <Spin size="small" /> : undefined}
      style={{ width: '100%' }}
    />
  );
}
