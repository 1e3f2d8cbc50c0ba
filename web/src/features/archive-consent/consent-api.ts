/** A member's side of the archive notice: the notice, a conversation's archive state, accepting. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const consentKeys = {
  notice: ['consent', 'notice'] as const,
  conversation: (id: string) => ['consent', 'conversation', id] as const,
  all: ['consent'] as const,
};

const fetchNotice = () => unwrap(api.GET('/api/v1/archive/notice'));
const fetchConversation = (id: string) =>
  unwrap(api.GET('/api/v1/archive/conversations/{id}/consent', { params: { path: { id } } }));

export type NoticeState = Awaited<ReturnType<typeof fetchNotice>>;
export type ConversationConsent = Awaited<ReturnType<typeof fetchConversation>>;

export const useNoticeState = (enabled = true) =>
  useQuery({ queryKey: consentKeys.notice, queryFn: fetchNotice, enabled, staleTime: 10_000 });

export const useConversationConsent = (id: string) =>
  useQuery({
    queryKey: consentKeys.conversation(id),
    queryFn: () => fetchConversation(id),
    // Kept fresh by the realtime feed (consent frames, membership changes, reconnects).
    refetchOnWindowFocus: true,
    retry: false,
  });

export function useAcceptNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/v1/archive/notice/accept', { body: { version } })),
    onSuccess: (state) => {
      queryClient.setQueryData(consentKeys.notice, state);
      return queryClient.invalidateQueries({ queryKey: consentKeys.all });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: consentKeys.all }),
  });
}
