/** Wire shapes of the notifications API. */
import { NOTIFICATION_KINDS } from '@concord/protocol';
import { Type } from '@sinclair/typebox';
import { Id, Obj } from '../../http/schema-helpers.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const NotificationData = Type.Object({
  conversationId: Type.Optional(Type.String()),
  excerpt: Type.Optional(Type.String()),
  dueAt: Type.Optional(Nullable(Type.String())),
  customerId: Type.Optional(Type.String()),
  customerName: Type.Optional(Type.String()),
  nextAt: Type.Optional(Type.String()),
  count: Type.Optional(Type.Integer()),
  names: Type.Optional(Type.Array(Type.String())),
  minutes: Type.Optional(Type.Integer()),
  ownerName: Type.Optional(Type.String()),
  postId: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('rejected')])),
  reason: Type.Optional(Nullable(Type.String())),
  massMessageId: Type.Optional(Type.String()),
  authorName: Type.Optional(Type.String()),
});

export const Notification = Type.Object({
  id: Type.String(),
  kind: Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k))),
  data: NotificationData,
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

export const NotificationList = Type.Object({
  items: Type.Array(Notification),
  /** The next page: pass it as `before`; null on the last page. */
  nextBefore: Nullable(Type.String()),
  unreadCount: Type.Integer(),
});

export const NotificationQuery = Obj({
  unread: Type.Optional(Type.Boolean({ description: 'Only notifications not read yet' })),
  before: Type.Optional(Type.String({ maxLength: 100, description: 'The `nextBefore` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const MarkReadBody = Type.Union([
  Obj({ ids: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }) }),
  Obj({ all: Type.Literal(true) }),
]);

export const MarkReadResult = Type.Object({ marked: Type.Integer(), unreadCount: Type.Integer() });
