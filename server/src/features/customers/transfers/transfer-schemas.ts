/** Schemas of the transfer routes: on-the-job transfers, their list, declining, and the limits. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj, PageQuery, Text } from '../../../http/schema-helpers.js';
import { MESSAGE_MAX, NOTICE_STATUSES, TRANSFER_KINDS, TRANSFER_STATUSES } from './transfer-writes.js';

/** One of the given strings, typed as their union. */
const Literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      description ? { description } : {},
    ),
  );
const Person = Type.Object({ id: Type.String(), name: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const TransferStatusSchema = Literals(
  TRANSFER_STATUSES,
  'waiting (24 h for the customer), done, declined (by the customer), refused (the receiver is at their customer limit), cancelled (owner, receiver or customer changed meanwhile)',
);
export const TransferKindSchema = Literals(TRANSFER_KINDS, 'on_the_job (在职继承) or departure (离职继承)');

export const Transfer = Type.Object({
  id: Type.String(),
  batchId: Type.String({ description: 'The request or offboarding this transfer was part of' }),
  kind: TransferKindSchema,
  status: TransferStatusSchema,
  reason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why it was refused or cancelled: member_customer_limit, customer_declined, owner_departed…',
  }),
  customer: Person,
  from: Person,
  to: Person,
  message: Type.String(),
  notice: Type.Object({
    status: Literals(NOTICE_STATUSES),
    reason: Type.Union([Type.String(), Type.Null()], {
      description: 'no_conversation: the customer has no chat with the owner to post the notice into',
    }),
  }),
  requestedBy: Type.Union([Person, Type.Null()]),
  requestedAt: Type.String(),
  decideBy: Type.Union([Type.String(), Type.Null()], { description: 'Until when the customer may decline' }),
  settledAt: NullableString,
  followUpsMoved: Type.Integer(),
});
export type TransferOut = Static<typeof Transfer>;

export const TransferCustomersBody = Obj({
  customerIds: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }),
  toMemberId: Id,
  message: Type.Optional(
    Text(MESSAGE_MAX * 2, {
      description: `The notice to each customer, at most ${MESSAGE_MAX} characters after trimming; 「您好，后续将由 B 为您服务」 by default`,
    }),
  ),
});
export type TransferCustomersBodyIn = Static<typeof TransferCustomersBody>;

export const TransferBatch = Type.Object({
  batchId: Type.String(),
  items: Type.Array(Transfer),
  counts: Type.Object({ waiting: Type.Integer(), refused: Type.Integer() }),
});

export const ListTransfersQuery = Obj({
  status: Type.Optional(TransferStatusSchema),
  kind: Type.Optional(TransferKindSchema),
  customerId: Type.Optional(Id),
  memberId: Type.Optional(Type.String({ format: 'uuid', description: 'Transfers from or to this member' })),
  batchId: Type.Optional(Id),
  ...PageQuery,
});
export type ListTransfersInput = Static<typeof ListTransfersQuery>;

export const TransferPage = Type.Object({
  items: Type.Array(Transfer),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const TransferSettings = Type.Object({
  maxTransfers: Type.Integer({ description: 'Transfers of one customer allowed in the window (on-the-job)' }),
  windowDays: Type.Integer(),
  memberLimit: Type.Integer({ description: 'Customers one member may hold' }),
  decideHours: Type.Integer({ description: 'How long a customer has to decline' }),
});

export const SaveTransferSettingsBody = Obj({
  maxTransfers: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  memberLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});
