/** API token list, creation (the only answer carrying the secret) and revocation. */
import type { Permission } from '@concord/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const TOKENS_KEY = ['admin', 'api-tokens'] as const;

const fetchTokens = () => unwrap(api.GET('/api/v1/api-tokens'));

export type ApiToken = Awaited<ReturnType<typeof fetchTokens>>['items'][number];

export function useApiTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: fetchTokens });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: Permission[]; expiresInDays?: number }) =>
      unwrap(api.POST('/api/v1/api-tokens', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}
