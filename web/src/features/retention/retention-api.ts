/** Retention policy, legal holds and the on-demand purge (archive.manage). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema.gen';

const keys = {
  policy: ['retention', 'policy'] as const,
  holds: ['retention', 'holds'] as const,
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

export function usePlaceHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HoldBody) => unwrap(api.POST('/api/v1/archive/holds', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.holds }),
  });
}

export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/archive/holds/{id}/release', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.holds }),
  });
}

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
