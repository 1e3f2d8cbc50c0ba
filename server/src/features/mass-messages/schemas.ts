/** Schemas of the mass-message routes: composing, targeting, deciding, confirming, settings. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj, Text } from '../../http/schema-helpers.js';

export const TEXT_MAX = 2000;
export const REASON_MAX = 200;
export const MASS_MESSAGE_STATUSES = [
  'draft',
  'pending_approval',
  'approved',
  'rejected',
  'sending',
  'sent',
  'cancelled',
] as const;
export type MassMessageStatus = (typeof MASS_MESSAGE_STATUSES)[number];
export const RECIPIENT_STATUSES = ['pending', 'awaiting_confirm', 'sent', 'read', 'failed'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const FAIL_REASONS = [
  'frequency_cap',
  'no_conversation',
  'owner_inactive',
  'owner_changed',
  'customer_deleted',
  'cancelled',
] as const;
export type FailReason = (typeof FAIL_REASONS)[number];
export const CAP_PERIODS = ['day', 'week', 'month'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];
export const MASS_MESSAGE_BOXES = ['mine', 'review', 'confirm', 'all'] as const;

const Literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      description ? { description } : {},
    ),
  );
const TagIdList = (description: string) =>
  Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true, description }));
const Person = Type.Object({ id: Type.String(), name: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const TargetFilter = Obj({
  tagsAll: TagIdList('Customers with every one of these tags'),
  tagsAny: TagIdList('Customers with at least one of these tags'),
  tagsNone: TagIdList('Customers with none of these tags'),
  stageId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  departmentId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Customers owned by members of this department or below it' }),
  ),
});
export type TargetFilterInput = Static<typeof TargetFilter>;

export const PreviewBody = Obj({ filter: TargetFilter });
export const Preview = Type.Object({
  total: Type.Integer(),
  owners: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() })),
});
export type PreviewOut = Static<typeof Preview>;

export const Upload = Type.Object({
  id: Type.String({ description: 'Use as attachment.attachmentId' }),
  kind: Type.Union([Type.Literal('image'), Type.Literal('file')], {
    description: '"image" only when the bytes are a PNG, JPEG, GIF or WebP',
  }),
  name: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
  mime: Type.String(),
});

const Attachment = Type.Union([
  Obj({ kind: Literals(['image', 'file'] as const), attachmentId: Id }),
  Obj({
    kind: Type.Literal('link'),
    url: Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' }),
    title: Text(100, { minLength: 1 }),
  }),
]);

const ContentProps = {
  text: Text(TEXT_MAX, { minLength: 1 }),
  attachment: Type.Optional(Attachment),
  filter: TargetFilter,
  scheduledAt: Type.Optional(Type.String({ format: 'date-time', description: 'Send at this time (UTC)' })),
};
export const CreateMassMessageBody = Obj({
  ...ContentProps,
  draft: Type.Optional(Type.Boolean({ description: 'Keep it as a draft: no checks, no recipients until submitted' })),
});
export const DraftBody = Obj(ContentProps);
export type CreateMassMessageInput = Static<typeof CreateMassMessageBody>;

export const RejectBody = Obj({ reason: Text(REASON_MAX, { minLength: 1 }) });

export const ListMassMessagesQuery = Obj({
  box: Type.Optional(
    Literals(
      MASS_MESSAGE_BOXES,
      'mine (default): yours; review: waiting for your approval; confirm: your part waits for you; all: the org’s (mass_message.manage)',
    ),
  ),
  status: Type.Optional(Literals(MASS_MESSAGE_STATUSES)),
});
export type ListMassMessagesInput = Static<typeof ListMassMessagesQuery>;

const Totals = Type.Object({
  recipients: Type.Integer(),
  pending: Type.Integer(),
  awaitingConfirm: Type.Integer(),
  sent: Type.Integer(),
  read: Type.Integer(),
  failed: Type.Integer(),
});
export type TotalsOut = Static<typeof Totals>;

export const MassMessage = Type.Object({
  id: Type.String(),
  text: Type.String(),
  attachment: Type.Union([
    Type.Object({ kind: Type.String(), attachmentId: NullableString, url: NullableString, title: NullableString }),
    Type.Null(),
  ]),
  filter: TargetFilter,
  status: Literals(MASS_MESSAGE_STATUSES),
  author: Person,
  approver: Type.Union([Person, Type.Null()]),
  reason: NullableString,
  scheduledAt: NullableString,
  ownerConfirm: Type.Boolean(),
  createdAt: Type.String(),
  decidedAt: NullableString,
  sentAt: NullableString,
  totals: Totals,
  /** Recipients of yours whose part waits for your confirmation. */
  myAwaitingConfirm: Type.Integer(),
  canApprove: Type.Boolean(),
  canCancel: Type.Boolean(),
});
export type MassMessageOut = Static<typeof MassMessage>;
export const MassMessageList = Type.Object({ items: Type.Array(MassMessage) });

export const Recipient = Type.Object({
  customer: Type.Object({ id: Type.String(), name: Type.String(), mobile: NullableString }),
  owner: Person,
  status: Literals(RECIPIENT_STATUSES),
  failReason: Type.Union([Literals(FAIL_REASONS), Type.Null()]),
  sentAt: NullableString,
});
export type RecipientOut = Static<typeof Recipient>;
export const MassMessageDetail = Type.Object({ ...MassMessage.properties, recipients: Type.Array(Recipient) });
export type MassMessageDetailOut = Static<typeof MassMessageDetail>;

export const Settings = Type.Object({
  capCount: Type.Integer({ minimum: 1, maximum: 100 }),
  capPeriod: Literals(CAP_PERIODS),
  requireApproval: Type.Boolean(),
  ownerConfirm: Type.Boolean(),
});
export type SettingsOut = Static<typeof Settings>;
export const SettingsBody = Obj(Settings.properties);
