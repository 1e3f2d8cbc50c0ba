/** Customer data: query keys, reads, and the shared invalidation after any change. */
import { keepPreviousData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema.gen';

export type CustomerListQuery = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;
export type CustomerFilter = Omit<CustomerListQuery, 'limit' | 'cursor'>;
export type Customer =
  paths['/api/v1/customers']['get']['responses'][200]['content']['application/json']['items'][number];
export type CustomerDetail = paths['/api/v1/customers/{id}']['get']['responses'][200]['content']['application/json'];
export type CreateCustomerBody = paths['/api/v1/customers']['post']['requestBody']['content']['application/json'];
export type UpdateCustomerBody = NonNullable<
  paths['/api/v1/customers/{id}']['patch']['requestBody']
>['content']['application/json'];
export type TagGroup =
  paths['/api/v1/tag-groups']['get']['responses'][200]['content']['application/json']['items'][number];
export type Stage =
  paths['/api/v1/customer-stages']['get']['responses'][200]['content']['application/json']['items'][number];
export type Field =
  paths['/api/v1/customer-fields']['get']['responses'][200]['content']['application/json']['items'][number];
export type FollowUp =
  paths['/api/v1/customers/{id}/follow-ups']['get']['responses'][200]['content']['application/json']['items'][number];
export type DuplicateGroup =
  paths['/api/v1/customers/duplicates']['get']['responses'][200]['content']['application/json']['groups'][number];

export const customerKeys = {
  all: ['customers'] as const,
  list: (filter: CustomerFilter) => ['customers', 'list', filter] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  followUps: (id: string) => ['customers', 'follow-ups', id] as const,
  duplicates: ['customers', 'duplicates'] as const,
  tagGroups: ['customers', 'tag-groups'] as const,
  stages: ['customers', 'stages'] as const,
  fields: ['customers', 'fields'] as const,
  owners: (q: string) => ['customers', 'owners', q] as const,
};

export const PAGE_SIZE = 50;

export function useCustomerList(filter: CustomerFilter) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/customers', { params: { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
  });
}

export function useFollowUps(id: string) {
  return useQuery({
    queryKey: customerKeys.followUps(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/customers/{id}/follow-ups', { params: { path: { id } } }))).items,
  });
}

export function useTagGroups() {
  return useQuery({
    queryKey: customerKeys.tagGroups,
    queryFn: async () => (await unwrap(api.GET('/api/v1/tag-groups'))).items,
    staleTime: 30_000,
  });
}

export function useStages() {
  return useQuery({
    queryKey: customerKeys.stages,
    queryFn: async () => (await unwrap(api.GET('/api/v1/customer-stages'))).items,
    staleTime: 30_000,
  });
}

export function useFields() {
  return useQuery({
    queryKey: customerKeys.fields,
    queryFn: async () => (await unwrap(api.GET('/api/v1/customer-fields'))).items,
    staleTime: 30_000,
  });
}

export function useDuplicates() {
  return useQuery({
    queryKey: customerKeys.duplicates,
    queryFn: async () => (await unwrap(api.GET('/api/v1/customers/duplicates'))).groups,
  });
}

/** Active members found by name, pinyin initials, mobile or email (for owner and co-follower pickers). */
export function useMemberSearch(q: string) {
  return useQuery({
    queryKey: customerKeys.owners(q),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/members', { params: { query: { q: q || undefined, status: 'active', limit: 20 } } }),
        )
      ).items,
    staleTime: 30_000,
    retry: false,
    // The last list stays while the next search loads, so the dropdown does not flash empty.
    placeholderData: keepPreviousData,
  });
}

/** After any customer change: lists, details, duplicates and settings. */
export function invalidateCustomers(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: customerKeys.all });
}
