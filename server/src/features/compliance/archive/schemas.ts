/** Route schemas of the archive's settings, status and checkpoints. */
import { type Static, Type } from '@sinclair/typebox';
import { Id, Obj, Text } from '../../../http/schema-helpers.js';
import { DeclinePolicy, NoticeOut } from '../consent/schemas.js';

export const ArchiveSettingsBody = Obj({
  enabled: Type.Boolean(),
  scope: Type.Union([Type.Literal('all'), Type.Literal('departments')]),
  departmentIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  declinePolicy: Type.Optional(DeclinePolicy),
  notice: Type.Optional(
    Text(5000, {
      minLength: 1,
      description: 'The archive notice text; a changed text becomes a new version members must accept',
    }),
  ),
});
export type ArchiveSettingsBodyIn = Static<typeof ArchiveSettingsBody>;

export const ArchiveSettingsOut = Type.Object({
  enabled: Type.Boolean(),
  scope: Type.Union([Type.Literal('all'), Type.Literal('departments')]),
  departmentIds: Type.Array(Type.String()),
  enabledAt: Type.Union([Type.String(), Type.Null()]),
  declinePolicy: DeclinePolicy,
  notice: NoticeOut,
});

export const ArchiveStatus = Type.Object({
  size: Type.Integer(),
  rootHash: Type.String(),
  signing: Type.Boolean(),
  encrypted: Type.Boolean(),
  publicKey: Type.Union([Type.String(), Type.Null()]),
  lastCheckpoint: Type.Union([
    Type.Object({ id: Type.String(), size: Type.Integer(), rootHash: Type.String(), createdAt: Type.String() }),
    Type.Null(),
  ]),
});

export const VerifyOut = Type.Object({
  status: Type.Union([Type.Literal('intact'), Type.Literal('broken')]),
  count: Type.Optional(Type.Integer()),
  headHash: Type.Optional(Type.String()),
  checkpoints: Type.Optional(Type.Integer()),
  problem: Type.Optional(Type.String()),
  seq: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  recordId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  detail: Type.Optional(Type.String()),
});

export const CheckpointList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      size: Type.Integer(),
      rootHash: Type.String(),
      note: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});
