/** The org's own settings (GET/PATCH /api/v1/org); saving refreshes the header's org name too. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../app/auth/use-me';
import { api, unwrap } from '../../lib/api/client';

export const ORG_KEY = ['admin', 'org'] as const;

export function useOrg() {
  return useQuery({ queryKey: ORG_KEY, queryFn: () => unwrap(api.GET('/api/v1/org')) });
}

export function useUpdateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; requireTotp: boolean }) => unwrap(api.PATCH('/api/v1/org', { body })),
    onSuccess: (org) => {
      queryClient.setQueryData(ORG_KEY, org);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
