/** The compliance archive's settings, status, verification and checkpoints (archive.manage). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

const KEYS = { settings: ['admin', 'archive', 'settings'] as const, status: ['admin', 'archive', 'status'] as const };

export type ArchiveSettingsBody = { enabled: boolean; scope: 'all' | 'departments'; departmentIds?: string[] };

export const useArchiveSettings = () =>
  useQuery({ queryKey: KEYS.settings, queryFn: () => unwrap(api.GET('/api/v1/archive/settings')) });

export const useArchiveStatus = () =>
  useQuery({ queryKey: KEYS.status, queryFn: () => unwrap(api.GET('/api/v1/archive/status')) });

export function useSaveArchiveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ArchiveSettingsBody) => unwrap(api.PUT('/api/v1/archive/settings', { body })),
    onSuccess: (saved) => queryClient.setQueryData(KEYS.settings, saved),
  });
}

export function useVerifyArchive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/archive/verify')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS.status }),
  });
}

export function useSignCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/archive/checkpoints')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS.status }),
  });
}

/** Every signed checkpoint plus the public key, as one JSON file to keep outside the system. */
export async function checkpointExport(publicKey: string | null): Promise<Blob> {
  const list = await unwrap(api.GET('/api/v1/archive/checkpoints'));
  const body = { publicKey, exportedAt: new Date().toISOString(), checkpoints: list.items };
  return new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
}
