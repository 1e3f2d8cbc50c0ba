/** Conversation kinds, limits and the realtime protocol shared by server and clients. */
import type { NotificationItem } from './notifications.js';
import type { SensitiveAction } from './sensitive.js';

export const CONVERSATION_KINDS = ['direct', 'group', 'external'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const CONVERSATION_ROLES = ['owner', 'admin', 'member'] as const;
export type ConversationRole = (typeof CONVERSATION_ROLES)[number];

export const MESSAGING_LIMITS = {
  /** Members of an internal group unless the org raises it. */
  groupMembersDefault: 2000,
  /** The highest an org may raise an internal group to. */
  groupMembersMax: 10_000,
  /** Everyone in an external group, colleagues and external participants together. */
  externalParticipants: 500,
  /** Characters in one text message. */
  messageBodyMax: 5000,
  /** A sender may recall a message this long after sending it. */
  recallWindowSeconds: 120,
  /** A sender may edit a message this long after sending it. */
  editWindowSeconds: 24 * 3600,
  /** Characters in an external participant's display name. */
  guestNameMax: 40,
} as const;

/** Everything that happens in a conversation, in the order of its per-conversation `seq`. */
export const CONVERSATION_EVENT_TYPES = [
  'message.created',
  'message.edited',
  'message.recalled',
  'conversation.created',
  'conversation.updated',
  'conversation.member_added',
  'conversation.member_removed',
  'conversation.owner_transferred',
  'conversation.dissolved',
] as const;
export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

/** One entry of a conversation's event log, as pushed over the WebSocket and replayed on resume. */
export type ConversationEvent = {
  conversationId: string;
  seq: number;
  type: ConversationEventType;
  actorId: string | null;
  messageId: string | null;
  payload: Record<string, unknown>;
  at: string;
};

/** Frames a client sends on /api/v1/ws. */
export type ClientFrame =
  /**
   * Browsers cannot set headers on a WebSocket: the first frame may carry the session token, and
   * the cursors to resume from (the same as a `resume` frame, but before any live event is sent).
   */
  | { type: 'auth'; token: string; cursors?: Record<string, number> }
  | { type: 'resume'; cursors: Record<string, number> }
  | { type: 'typing'; conversationId: string }
  | { type: 'ping' };

/** Frames the server sends on /api/v1/ws. */
export type ServerFrame =
  | { type: 'ready'; memberId: string }
  | { type: 'event'; event: ConversationEvent }
  | { type: 'resumed'; cursors: Record<string, number> }
  | { type: 'receipt'; conversationId: string; memberId: string; readSeq: number }
  | { type: 'typing'; conversationId: string; memberId: string }
  | { type: 'presence'; memberId: string; online: boolean }
  | { type: 'pong' }
  | { type: 'alert'; alert: SensitiveAlertNotice }
  /** An external participant of the conversation agreed to or declined the archive notice. */
  | { type: 'consent'; conversationId: string; subjectId: string }
  /** A new notification for this member (a reminder, customers handed over, …). */
  | { type: 'notification'; notification: NotificationItem }
  | { type: 'error'; code: string; message: string };

/**
 * A new sensitive-content alert, pushed to the auditors whose `archive.view` scope covers the
 * sender; deliberately without the message text (the alerts API shows it after a fresh check).
 */
export type SensitiveAlertNotice = {
  id: string;
  ruleId: string;
  ruleName: string;
  action: SensitiveAction;
  senderId: string;
  senderName: string;
  conversationId: string;
  createdAt: string;
};
