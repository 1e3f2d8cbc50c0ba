/** Retention policy, legal holds and the on-demand purge (archive.manage), plus the names holds point at. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema.gen';

const keys = {
  policy: ['retention', 'policy'] as const,
  holds: ['retention', 'holds'] as const,
  member: (id: string) => ['retention', 'member', id] as const,
  targetName: (id: string) => ['retention', 'target-name', id] as const,
};

export type RetentionPolicy = paths['/api/v1/archive/retention']['put']['requestBody']['content']['application/json'];
export type HoldBody = paths['/api/v1/archive/holds']['post']['requestBody']['content']['application/json'];
export type HoldKind = HoldBody['kind'];

export const useRetention = () =>
  useQuery({ queryKey: keys.policy, queryFn: () => unwrap(api.GET('/api/v1/archive/retention')) });

export function useSaveRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionPolicy) => unwrap(api.PUT('/api/v1/archive/retention', { body })),
    onSuccess: (saved) => queryClient.setQueryData(keys.policy, saved),
  });
}

export const useRunPurge = () => useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/archive/retention/run')) });

export type PurgeReport = NonNullable<ReturnType<typeof useRunPurge>['data']>;

export const useHolds = () =>
  useQuery({ queryKey: keys.holds, queryFn: () => unwrap(api.GET('/api/v1/archive/holds')) });

export type Hold = NonNullable<ReturnType<typeof useHolds>['data']>['items'][number];

/** Places a hold; the target's name, known from the picker, is remembered for the holds table. */
export function usePlaceHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body }: { body: HoldBody; targetName: string }) =>
      unwrap(api.POST('/api/v1/archive/holds', { body })),
    onSuccess: (_, { body, targetName }) => {
      queryClient.setQueryData(keys.targetName(body.targetId), targetName);
      return queryClient.invalidateQueries({ queryKey: keys.holds });
    },
  });
}

/**
 * The name of a held external participant or conversation as picked in this session: the holds
 * API answers ids only, and neither is in the directory.
 */
export const useKnownTargetName = (id: string) =>
  useQuery<string | null>({
    queryKey: keys.targetName(id),
    queryFn: () => null,
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  }).data ?? null;

export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/archive/holds/{id}/release', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.holds }),
  });
}

/** A colleague's name by id (null for an id the directory does not know, e.g. an external participant). */
export function useMemberName(id: string | null) {
  return useQuery({
    queryKey: keys.member(id ?? ''),
    queryFn: async () => {
      try {
        const found = await unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id: id ?? '' } } }));
        return { name: found.name, status: found.status };
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

/** Colleagues of any status (departed ones most need holds) matching what was typed. */
export const useMemberSearch = (q: string) =>
  useQuery({
    queryKey: ['retention', 'member-search', q],
    queryFn: () => unwrap(api.GET('/api/v1/members', { params: { query: { q: q || undefined, limit: 20 } } })),
    staleTime: 30_000,
  });

/** Archived messages matching a lookup, to find an external participant or a conversation to hold (audited as a search). */
export function useArchiveLookup(query: { q?: string; memberId?: string; guestEmail?: string } | null) {
  return useQuery({
    queryKey: ['retention', 'archive-lookup', query],
    queryFn: () => unwrap(api.GET('/api/v1/archive/search', { params: { query: { ...query, limit: 50 } } })),
    enabled: query !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export type ArchiveHit = NonNullable<ReturnType<typeof useArchiveLookup>['data']>['items'][number];
