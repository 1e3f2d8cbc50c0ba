/** Request and response schemas of the message routes. */
import { MESSAGING_LIMITS } from '@concord/protocol';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj, Text } from '../../http/schema-helpers.js';
import { AttachmentRef } from './attachment-schemas.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * The schema lets surrounding whitespace through; the command trims and then enforces
 * `messageBodyMax` exactly, so the limit counts what is stored.
 */
const BODY_SCHEMA_MAX = MESSAGING_LIMITS.messageBodyMax + 1000;
const Body = Text(BODY_SCHEMA_MAX, {
  minLength: 1,
  description: `At most ${MESSAGING_LIMITS.messageBodyMax} characters once trimmed`,
});

export const SendMessageBody = Obj({
  clientMsgId: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[\\x21-\\x7E]+$',
    description: 'Chosen by the client; a retry with the same id returns the stored message',
  }),
  kind: Type.Optional(
    Type.Union([Type.Literal('text'), Type.Literal('image'), Type.Literal('file')], {
      description: 'text (default), or image/file with the attachmentId of an upload to this conversation',
    }),
  ),
  body: Type.Optional(Body),
  attachmentId: Type.Optional(Id),
  mentions: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'Member ids mentioned (@)' })),
  mentionAll: Type.Optional(Type.Boolean({ description: '@all: only the owner and admins' })),
  replyToId: Type.Optional(Id),
});
export type SendMessageInput = Static<typeof SendMessageBody>;

export const EditMessageBody = Obj({ body: Body });
export type EditMessageInput = Static<typeof EditMessageBody>;

export const ListMessagesQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'The newest page of messages older than this seq' })),
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'Messages newer than this seq (catch-up)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type ListMessagesInput = Static<typeof ListMessagesQuery>;

export const MarkReadBody = Obj({ seq: Type.Integer({ minimum: 0 }) });

export const MemberRef = Type.Object({ id: Type.String(), name: Type.String() });

export const ReplyRef = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  senderName: NullableString,
  body: Type.String({ description: 'The quoted text, truncated; empty when recalled' }),
  recalled: Type.Boolean(),
});

export const Message = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  seq: Type.Integer(),
  sender: Type.Union([MemberRef, Type.Null()]),
  kind: Type.String(),
  body: Type.String({ description: 'Empty when recalled' }),
  mentions: Type.Array(Type.String()),
  mentionAll: Type.Boolean(),
  replyTo: Type.Union([ReplyRef, Type.Null()]),
  attachment: Type.Union([AttachmentRef, Type.Null()], { description: 'The image or file; null when recalled' }),
  createdAt: Type.String(),
  editedAt: NullableString,
  recalledAt: NullableString,
  clientMsgId: NullableString,
});
export type MessageOut = Static<typeof Message>;

export const MessagePage = Type.Object({ items: Type.Array(Message), hasMore: Type.Boolean() });

export const ReadState = Type.Object({ conversationId: Type.String(), readSeq: Type.Integer() });

export const Readers = Type.Object({ read: Type.Array(MemberRef), unread: Type.Array(MemberRef) });

export const MessageIdParams = Obj({ id: Id });

export const ChangesQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'Changes newer than this seq' })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Changes older than this seq' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
});
export type ChangesInput = Static<typeof ChangesQuery>;

/** One change of a conversation (member added, renamed, announcement…) as the event log holds it. */
export const ConversationChange = Type.Object({
  conversationId: Type.String(),
  seq: Type.Integer(),
  type: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  messageId: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  at: Type.String(),
});
export const ConversationChanges = Type.Object({ items: Type.Array(ConversationChange) });
