/** The archive notice settings and the consent register (console, archive.manage / archive.view). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

/** The archive settings' cache entry (shared with archive-api.ts). */
const SETTINGS_KEY = ['admin', 'archive', 'settings'] as const;

export type DeclinePolicy = 'not_archived' | 'no_messaging';
export type ConsentSettingsInput = { notice: string; declinePolicy: DeclinePolicy };
export type ConsentFilter = {
  status?: 'accepted' | 'outdated' | 'pending' | 'agreed' | 'declined' | 'not_asked';
  kind?: 'member' | 'guest';
  limit: number;
  offset: number;
};

const fetchConsents = (query: ConsentFilter) => unwrap(api.GET('/api/v1/archive/consents', { params: { query } }));
export type ConsentItem = Awaited<ReturnType<typeof fetchConsents>>['items'][number];

export const useConsentList = (filter: ConsentFilter) =>
  useQuery({
    queryKey: ['admin', 'archive', 'consents', filter],
    queryFn: () => fetchConsents(filter),
    placeholderData: keepPreviousData,
  });

/** Saves the notice and decline policy, keeping whom archiving covers as it is. */
export function useSaveConsentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ConsentSettingsInput) => {
      const current = await unwrap(api.GET('/api/v1/archive/settings'));
      return unwrap(
        api.PUT('/api/v1/archive/settings', {
          body: {
            enabled: current.enabled,
            scope: current.scope,
            ...(current.scope === 'departments' ? { departmentIds: current.departmentIds } : {}),
            notice: input.notice,
            declinePolicy: input.declinePolicy,
          },
        }),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      return queryClient.invalidateQueries({ queryKey: ['admin', 'archive', 'consents'] });
    },
  });
}
