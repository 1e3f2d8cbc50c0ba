/** The signed-in member, their org, roles and permissions (GET /api/v1/me), cached by TanStack Query. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema.gen';
import { getToken } from './token-store';

export const ME_KEY = ['me'] as const;

export type Me = Awaited<ReturnType<typeof fetchMe>>;

async function fetchMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, enabled: getToken() !== null, staleTime: 30_000 });
}

/** True when the member holds the permission (at any data scope). */
export function can(me: Me | undefined, permission: string): boolean {
  return Boolean(me && (me.permissions as Record<string, string | undefined>)[permission]);
}

export type ApiSchemas = components['schemas'];
