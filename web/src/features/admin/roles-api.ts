/** Queries and mutations for roles; every change refreshes the role list and the member's own rights. */
import type { DataScope, Permission } from '@concord/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../app/auth/use-me';
import { api, unwrap } from '../../lib/api/client';

export const ROLES_KEY = ['admin', 'roles'] as const;

const fetchRoles = () => unwrap(api.GET('/api/v1/roles'));

export type Role = Awaited<ReturnType<typeof fetchRoles>>['items'][number];

export type RoleInput = {
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: Permission[];
  requireTotp: boolean;
};

export function useRoles() {
  return useQuery({ queryKey: ROLES_KEY, queryFn: fetchRoles });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ROLES_KEY });
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
  };
}

export function useSaveRole() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RoleInput }) =>
      id
        ? unwrap(api.PATCH('/api/v1/roles/{id}', { params: { path: { id } }, body: input }))
        : unwrap(api.POST('/api/v1/roles', { body: input })),
    onSuccess: refresh,
  });
}

export function useDeleteRole() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/roles/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
