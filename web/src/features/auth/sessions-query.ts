/** The signed-in member's sessions; under ['me'] so signing in afresh or a `me` refresh covers it. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const SESSIONS_KEY = ['me', 'sessions'] as const;

export function useMySessions(enabled = true) {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/me/sessions')),
    enabled,
  });
}

export type MySession = NonNullable<ReturnType<typeof useMySessions>['data']>['items'][number];
