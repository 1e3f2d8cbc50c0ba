/** Route schemas of the archive notice and consents. */
import { Type } from '@sinclair/typebox';
import { Obj } from '../../../http/schema-helpers.js';
import { CONSENT_LIST_STATUSES } from './list-consents.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const DeclinePolicy = Type.Union([Type.Literal('not_archived'), Type.Literal('no_messaging')], {
  description:
    'What a decline by an external participant means: their group is not archived (not_archived) or nobody sends there until they agree (no_messaging)',
});

export const NoticeOut = Type.Object({
  version: Type.Integer(),
  text: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const NoticeState = Type.Object({
  archiving: Type.Boolean({ description: 'Archiving is on and reaches your conversations' }),
  notice: NoticeOut,
  accepted: Type.Boolean({ description: 'You accepted the version in force' }),
  acceptedVersion: Type.Union([Type.Integer(), Type.Null()]),
  acceptedAt: Nullable(Type.String()),
});

export const AcceptBody = Obj({ version: Type.Integer({ minimum: 1, description: 'The version you were shown' }) });

const GuestRef = Type.Object({ id: Type.String(), name: Type.String(), declinedAt: Type.String() });

export const ConversationConsentOut = Type.Object({
  conversationId: Type.String(),
  covered: Type.Boolean(),
  archived: Type.Boolean(),
  declinePolicy: DeclinePolicy,
  noticeVersion: Type.Integer(),
  noticeAccepted: Type.Boolean(),
  declinedGuests: Type.Array(GuestRef),
  messagingBlocked: Type.Boolean(),
});

const Choice = Type.Union([Type.Literal('agreed'), Type.Literal('declined')]);

export const GuestConsentOut = Type.Object({
  covered: Type.Boolean(),
  notice: NoticeOut,
  status: Type.Union([Type.Literal('agreed'), Type.Literal('declined'), Type.Literal('not_asked')]),
  noticeVersion: Type.Union([Type.Integer(), Type.Null()]),
  at: Nullable(Type.String()),
  declinePolicy: DeclinePolicy,
});

export const GuestConsentBody = Obj({
  consent: Choice,
  noticeVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The version shown; 409 when it changed' })),
});

const ListStatus = Type.Union(CONSENT_LIST_STATUSES.map((s) => Type.Literal(s)));

export const ConsentListQuery = Obj({
  status: Type.Optional(ListStatus),
  kind: Type.Optional(Type.Union([Type.Literal('member'), Type.Literal('guest')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});

export const ConsentListOut = Type.Object({
  items: Type.Array(
    Type.Object({
      subject: Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: Type.Union([Type.Literal('member'), Type.Literal('guest')]),
      }),
      conversation: Type.Union([
        Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
        Type.Null(),
      ]),
      status: ListStatus,
      noticeVersion: Type.Union([Type.Integer(), Type.Null()]),
      at: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
  noticeVersion: Type.Integer({ description: 'The version in force' }),
});
