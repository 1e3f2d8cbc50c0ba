/** Messaging reads and writes over the typed client; query keys shared with the realtime feed. */
import type { ConversationEvent } from '@concord/protocol';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { unreadTotal } from './conversation-list';
import type { ChatMessage, MessageWindow } from './message-cache';
import { addNoticeEvent } from './notices';

export const PAGE_SIZE = 50;

export const keys = {
  list: ['messages', 'conversations'] as const,
  detail: (id: string) => ['messages', 'conversation', id] as const,
  window: (id: string) => ['messages', 'window', id] as const,
  readers: (id: string) => ['messages', 'readers', id] as const,
  invites: (id: string) => ['messages', 'invites', id] as const,
  memberSearch: (q: string) => ['messages', 'member-search', q] as const,
  /** Membership and group changes received live, shown as grey lines among the messages. */
  notices: (id: string) => ['messages', 'notices', id] as const,
  /** An attachment's bytes (a Blob), fetched with the bearer header. */
  attachment: (id: string) => ['messages', 'attachment', id] as const,
};

const fetchList = () => unwrap(api.GET('/api/v1/conversations'));
const fetchDetail = (id: string) => unwrap(api.GET('/api/v1/conversations/{id}', { params: { path: { id } } }));

export type ConversationSummary = Awaited<ReturnType<typeof fetchList>>['items'][number];
export type ConversationDetail = Awaited<ReturnType<typeof fetchDetail>>;

export function useConversations() {
  return useQuery({ queryKey: keys.list, queryFn: fetchList, staleTime: 10_000 });
}

/** Polling while the messages page (and its live socket) is closed. */
const UNREAD_POLL_MS = 30_000;

/**
 * Unread messages of every unmuted conversation, for the navigation badge. It shares the list's
 * cache entry, so on the messages page the live feed's refreshes move it at once; elsewhere it
 * polls, and refreshes when the window regains focus.
 */
export function useUnreadTotal(poll: boolean): number {
  const list = useQuery({
    queryKey: keys.list,
    queryFn: fetchList,
    staleTime: 10_000,
    refetchInterval: poll ? UNREAD_POLL_MS : false,
    refetchOnWindowFocus: true,
    select: (data) => unreadTotal(data.items),
  });
  return list.data ?? 0;
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => fetchDetail(id ?? ''),
    enabled: Boolean(id),
    staleTime: 10_000,
  });
}

const NO_EVENTS: ConversationEvent[] = [];

/** The membership and group changes received live for a conversation (the feed writes them). */
export function useNoticeEvents(id: string): ConversationEvent[] {
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: keys.notices(id),
    // Nothing to fetch: the cache holds what the feed delivered.
    queryFn: () => queryClient.getQueryData<ConversationEvent[]>(keys.notices(id)) ?? NO_EVENTS,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return notices.data ?? NO_EVENTS;
}

export async function fetchPage(id: string, before?: number): Promise<MessageWindow> {
  const page = await unwrap(
    api.GET('/api/v1/conversations/{id}/messages', { params: { path: { id }, query: { before, limit: PAGE_SIZE } } }),
  );
  return { items: page.items as ChatMessage[], hasMore: page.hasMore };
}

/**
 * The changes (grey lines) that belong among a page of messages: after the message before the
 * page (or from the start when it is the oldest page) up to `before`. Merged into the notices
 * cache, where live changes also land; a failure only leaves the lines out.
 */
export function loadNotices(queryClient: QueryClient, id: string, page: MessageWindow, before?: number): void {
  const first = page.items[0];
  const after = page.hasMore && first ? first.seq - 1 : 0;
  unwrap(
    api.GET('/api/v1/conversations/{id}/changes', { params: { path: { id }, query: { after, before, limit: 500 } } }),
  ).then(
    (changes) =>
      queryClient.setQueryData<ConversationEvent[]>(keys.notices(id), (list) =>
        changes.items.reduce((acc, e) => addNoticeEvent(acc, e as ConversationEvent), list ?? NO_EVENTS),
      ),
    () => undefined,
  );
}

/** The newest page; older pages and live events are merged into the same cache entry. */
export function useMessageWindow(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.window(id),
    queryFn: async () => {
      const page = await fetchPage(id);
      loadNotices(queryClient, id, page);
      return page;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useReaders(messageId: string | null) {
  return useQuery({
    queryKey: keys.readers(messageId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/messages/{id}/readers', { params: { path: { id: messageId ?? '' } } })),
    enabled: Boolean(messageId),
  });
}

export function useMemberSearch(q: string) {
  return useQuery({
    queryKey: keys.memberSearch(q),
    queryFn: () =>
      unwrap(api.GET('/api/v1/members', { params: { query: { q: q || undefined, status: 'active', limit: 20 } } })),
    staleTime: 30_000,
  });
}

export function useInvites(conversationId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.invites(conversationId),
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}/invites', { params: { path: { id: conversationId } } })),
    enabled,
  });
}

export type SendInput = {
  clientMsgId: string;
  kind?: 'text' | 'image' | 'file';
  /** Text, or an optional caption of an image or file. */
  body?: string;
  attachmentId?: string;
  mentions?: string[];
  mentionAll?: boolean;
  replyToId?: string;
};

export async function sendMessage(conversationId: string, input: SendInput): Promise<ChatMessage> {
  const sent = await unwrap(
    api.POST('/api/v1/conversations/{id}/messages', { params: { path: { id: conversationId } }, body: input }),
  );
  return sent as ChatMessage;
}

export async function editMessage(id: string, body: string): Promise<ChatMessage> {
  const edited = await unwrap(api.PATCH('/api/v1/messages/{id}', { params: { path: { id } }, body: { body } }));
  return edited as ChatMessage;
}

export const markRead = (id: string, seq: number) =>
  unwrap(api.POST('/api/v1/conversations/{id}/read', { params: { path: { id } }, body: { seq } }));

export const recallMessage = (id: string) =>
  unwrap(api.POST('/api/v1/messages/{id}/recall', { params: { path: { id } } }));

export const hideMessage = (id: string) => unwrap(api.DELETE('/api/v1/messages/{id}', { params: { path: { id } } }));

export type UpdateConversation = {
  name?: string;
  announcement?: string | null;
  settings?: { onlyAdminsInvite?: boolean; welcomeMessage?: string | null };
  pinned?: boolean;
  muted?: boolean;
};

export const updateConversation = (id: string, body: UpdateConversation) =>
  unwrap(api.PATCH('/api/v1/conversations/{id}', { params: { path: { id } }, body }));

export const createGroup = (name: string, memberIds: string[]) =>
  unwrap(api.POST('/api/v1/conversations', { body: { kind: 'group', name, memberIds } }));

export const createDirect = (memberId: string) =>
  unwrap(api.POST('/api/v1/conversations', { body: { kind: 'direct', memberId } }));

export const addMembers = (id: string, memberIds: string[]) =>
  unwrap(api.POST('/api/v1/conversations/{id}/members', { params: { path: { id } }, body: { memberIds } }));

export const removeMember = (id: string, memberId: string) =>
  unwrap(api.DELETE('/api/v1/conversations/{id}/members/{memberId}', { params: { path: { id, memberId } } }));

export const transferOwner = (id: string, memberId: string) =>
  unwrap(api.POST('/api/v1/conversations/{id}/transfer-owner', { params: { path: { id } }, body: { memberId } }));

export const dissolveConversation = (id: string) =>
  unwrap(api.POST('/api/v1/conversations/{id}/dissolve', { params: { path: { id } } }));

export const createInvite = (id: string, body: { expiresInHours?: number; maxUses?: number }) =>
  unwrap(api.POST('/api/v1/conversations/{id}/invites', { params: { path: { id } }, body }));

export const revokeInvite = (id: string, inviteId: string) =>
  unwrap(api.DELETE('/api/v1/conversations/{id}/invites/{inviteId}', { params: { path: { id, inviteId } } }));

export const joinByInvite = (code: string) =>
  unwrap(api.POST('/api/v1/invites/{code}/join', { params: { path: { code } } }));

/** After a change to a conversation's settings or members: its detail and the list. */
export function refreshConversation(queryClient: QueryClient, id: string) {
  void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: keys.list });
}
