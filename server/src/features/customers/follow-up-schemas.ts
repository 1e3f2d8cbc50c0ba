/** Schemas of follow-ups: records of calls, visits, messages and notes, with the next date to follow up. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj, Text } from '../../http/schema-helpers.js';
import { FOLLOW_UP_FILES_MAX } from './follow-up-files.js';

export const FOLLOW_UP_KINDS = ['call', 'visit', 'message', 'note'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_MAX = 2000;

const Kind = Type.Unsafe<FollowUpKind>(
  Type.Union(
    FOLLOW_UP_KINDS.map((k) => Type.Literal(k)),
    { description: 'call, visit, message or note' },
  ),
);

export const FollowUpFile = Type.Object({
  id: Type.String({ description: 'Open with GET /api/v1/follow-up-files/:id' }),
  kind: Type.Union([Type.Literal('image'), Type.Literal('file')], {
    description: '"image" only when the bytes are a PNG, JPEG, GIF or WebP',
  }),
  name: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
  mime: Type.String(),
});

export const FollowUp = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  kind: Kind,
  content: Type.String(),
  happenedAt: Type.String(),
  nextAt: Type.Union([Type.String(), Type.Null()]),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  files: Type.Array(FollowUpFile),
  createdAt: Type.String(),
});
export type FollowUpOut = Static<typeof FollowUp>;
export const FollowUpList = Type.Object({ items: Type.Array(FollowUp, { description: 'Newest first' }) });

export const AddFollowUpBody = Obj({
  kind: Kind,
  content: Text(FOLLOW_UP_MAX, { minLength: 1 }),
  happenedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened; now by default' })),
  nextAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'When to follow up next; the author is reminded then' }),
  ),
  fileIds: Type.Optional(
    Type.Array(Id, {
      maxItems: FOLLOW_UP_FILES_MAX,
      description: 'Files you uploaded for this customer with POST /api/v1/customers/:id/follow-up-files',
    }),
  ),
});
export type AddFollowUpInput = Static<typeof AddFollowUpBody>;
