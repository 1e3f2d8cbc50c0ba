/** Directory data: query keys, reads and the shared invalidation after any change. */
import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema.gen';

export type MemberStatus = 'active' | 'disabled' | 'departed';
export type MemberListQuery = NonNullable<paths['/api/v1/members']['get']['parameters']['query']>;
export type MemberListItem =
  paths['/api/v1/members']['get']['responses'][200]['content']['application/json']['items'][number];
export type MemberDetail = paths['/api/v1/members/{id}']['get']['responses'][200]['content']['application/json'];
export type Role = paths['/api/v1/roles']['get']['responses'][200]['content']['application/json']['items'][number];

export const directoryKeys = {
  departments: ['directory', 'departments'] as const,
  members: (query: MemberListQuery) => ['directory', 'members', query] as const,
  allMembers: ['directory', 'members'] as const,
  member: (id: string) => ['directory', 'member', id] as const,
  memberSearch: (q: string) => ['directory', 'member-search', q] as const,
  roles: ['roles'] as const,
};

export const PAGE_SIZE = 50;

export function useDepartments() {
  return useQuery({
    queryKey: directoryKeys.departments,
    queryFn: async () => (await unwrap(api.GET('/api/v1/departments'))).items,
  });
}

export function useMemberList(filter: Omit<MemberListQuery, 'limit' | 'cursor'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: directoryKeys.members(filter),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/members', { params: { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMember(id: string) {
  return useQuery({
    queryKey: directoryKeys.member(id),
    queryFn: () => unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id } } })),
  });
}

export function useRoles(enabled: boolean) {
  return useQuery({
    queryKey: directoryKeys.roles,
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/v1/roles'))).items,
  });
}

/** After any directory change: departments (counts, heads), member lists and loaded members. */
export function invalidateDirectory(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: ['directory'] });
}
