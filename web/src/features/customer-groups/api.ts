/** Customer groups: the list, the flag, auto-replies and daily statistics. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const groupKeys = {
  list: ['customer-groups'] as const,
  replies: (id: string) => ['customer-groups', id, 'auto-replies'] as const,
  stats: (id: string) => ['customer-groups', id, 'stats'] as const,
};

const fetchGroups = () => unwrap(api.GET('/api/v1/customer-groups'));
const fetchReplies = (id: string) =>
  unwrap(api.GET('/api/v1/customer-groups/{id}/auto-replies', { params: { path: { id } } }));
const fetchStats = (id: string) => unwrap(api.GET('/api/v1/customer-groups/{id}/stats', { params: { path: { id } } }));

export type CustomerGroup = Awaited<ReturnType<typeof fetchGroups>>['items'][number];
export type AutoReplyRule = Awaited<ReturnType<typeof fetchReplies>>['rules'][number];
export type GroupStats = Awaited<ReturnType<typeof fetchStats>>;

export const useCustomerGroups = () => useQuery({ queryKey: groupKeys.list, queryFn: fetchGroups });
export const useAutoReplies = (id: string) =>
  useQuery({ queryKey: groupKeys.replies(id), queryFn: () => fetchReplies(id) });
export const useGroupStats = (id: string) => useQuery({ queryKey: groupKeys.stats(id), queryFn: () => fetchStats(id) });

export function useFlagCustomerGroup(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) =>
      unwrap(
        api.PUT('/api/v1/conversations/{id}/customer-group', {
          params: { path: { id: conversationId } },
          body: { enabled },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: groupKeys.list }),
  });
}

export function useSaveAutoReplies(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: AutoReplyRule[]) =>
      unwrap(api.PUT('/api/v1/customer-groups/{id}/auto-replies', { params: { path: { id } }, body: { rules } })),
    onSuccess: (saved) => {
      client.setQueryData(groupKeys.replies(id), saved);
      return client.invalidateQueries({ queryKey: groupKeys.list });
    },
  });
}
