/**
 * The join page's API calls. Public calls (preview, email code, join) carry no token; a
 * signed-in guest's calls carry the guest token only — the console's own session is neither
 * sent nor signed out by anything here.
 */
import createClient from 'openapi-fetch';
import { ApiError, toApiError } from '../../lib/api/api-error';
import type { paths } from '../../lib/api/schema.gen';
import type { ChatMessage, MessageWindow } from '../messages/message-cache';

const baseUrl = globalThis.location?.origin ?? 'http://127.0.0.1:8080';
const publicApi = createClient<paths>({ baseUrl });

type Result<T> = { data?: T; error?: unknown; response: Response };

async function settle<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  if (result.response.ok) return result.data as T;
  throw toApiError(result.response.status, result.error);
}

export const previewInvite = (code: string) =>
  settle(publicApi.GET('/api/v1/invites/{code}', { params: { path: { code } } }));

export type InvitePreview = Awaited<ReturnType<typeof previewInvite>>;

export const requestCode = (code: string, email: string) =>
  settle(publicApi.POST('/api/v1/invites/{code}/email-code', { params: { path: { code } }, body: { email } }));

export type GuestJoinBody = {
  email: string;
  code: string;
  displayName: string;
  /** The answer to the archive notice, when the preview showed one. */
  consent?: 'agreed' | 'declined';
  noticeVersion?: number;
};

export const joinAsGuest = (code: string, body: GuestJoinBody) =>
  settle(publicApi.POST('/api/v1/invites/{code}/guest-join', { params: { path: { code } }, body }));

export const previewContact = (code: string) =>
  settle(publicApi.GET('/api/v1/contact/{code}', { params: { path: { code } } }));

export type ContactPreview = Awaited<ReturnType<typeof previewContact>>;

export const requestContactCode = (code: string, email: string) =>
  settle(publicApi.POST('/api/v1/contact/{code}/email-code', { params: { path: { code } }, body: { email } }));

export const joinThroughContact = (code: string, body: GuestJoinBody) =>
  settle(publicApi.POST('/api/v1/contact/{code}/join', { params: { path: { code } }, body }));

/** Where the join form sends its two requests: an invite link's group, or a member's contact-me link. */
export type JoinTarget = 'invite' | 'contact';
export const JOIN_CALLS = {
  invite: { requestCode, join: joinAsGuest },
  contact: { requestCode: requestContactCode, join: joinThroughContact },
} as const;

export const PAGE_SIZE = 50;

/** Calls made as the signed-in guest. */
export function guestApi(token: string) {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  return {
    conversation: (id: string) => settle(api.GET('/api/v1/conversations/{id}', { params: { path: { id } } })),
    async page(id: string, before?: number): Promise<MessageWindow> {
      const page = await settle(
        api.GET('/api/v1/conversations/{id}/messages', {
          params: { path: { id }, query: { before, limit: PAGE_SIZE } },
        }),
      );
      return { items: page.items as ChatMessage[], hasMore: page.hasMore };
    },
    send: async (id: string, clientMsgId: string, body: string, attachment?: { id: string; kind: 'image' | 'file' }) =>
      (await settle(
        api.POST('/api/v1/conversations/{id}/messages', {
          params: { path: { id } },
          body: attachment
            ? { clientMsgId, kind: attachment.kind, attachmentId: attachment.id }
            : { clientMsgId, body },
        }),
      )) as ChatMessage,
    markRead: (id: string, seq: number) =>
      settle(api.POST('/api/v1/conversations/{id}/read', { params: { path: { id } }, body: { seq } })),
    attachment: (id: string) =>
      settle(api.GET('/api/v1/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' })) as Promise<Blob>,
    leave: (id: string, memberId: string) =>
      settle(api.DELETE('/api/v1/conversations/{id}/members/{memberId}', { params: { path: { id, memberId } } })),
    signOut: () => settle(api.POST('/api/v1/auth/logout')),
    consent: () => settle(api.GET('/api/v1/guest/consent')),
    answerNotice: (consent: 'agreed' | 'declined', noticeVersion: number) =>
      settle(api.POST('/api/v1/guest/consent', { body: { consent, noticeVersion } })),
    transfers: () => settle(api.GET('/api/v1/guest/transfers')),
    declineTransfer: (id: string) =>
      settle(api.POST('/api/v1/guest/transfers/{id}/decline', { params: { path: { id } } })),
    posts: (cursor?: string) => settle(api.GET('/api/v1/guest/posts', { params: { query: { cursor, limit: 20 } } })),
    like: (id: string, liked: boolean) =>
      liked
        ? settle(api.PUT('/api/v1/guest/posts/{id}/like', { params: { path: { id } } }))
        : settle(api.DELETE('/api/v1/guest/posts/{id}/like', { params: { path: { id } } })),
    comment: (id: string, text: string) =>
      settle(api.POST('/api/v1/guest/posts/{id}/comments', { params: { path: { id } }, body: { text } })),
    deleteComment: (id: string, commentId: string) =>
      settle(api.DELETE('/api/v1/guest/posts/{id}/comments/{commentId}', { params: { path: { id, commentId } } })),
    postImage: (id: string) =>
      settle(api.GET('/api/v1/guest/post-images/{id}', { params: { path: { id } }, parseAs: 'blob' })) as Promise<Blob>,
    groups: () => settle(api.GET('/api/v1/guest/customer-groups')),
  };
}

export type GuestApi = ReturnType<typeof guestApi>;
export type GuestConversation = Awaited<ReturnType<GuestApi['conversation']>>;
export type GuestPost = Awaited<ReturnType<GuestApi['posts']>>['items'][number];
