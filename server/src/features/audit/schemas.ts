/** Request and response schemas for reading and exporting the audit log. */
import { Type } from '@sinclair/typebox';
import { Id, Obj, Page, PageQuery } from '../../http/schema-helpers.js';

const AuditFilterProps = {
  actorId: Type.Optional(Id),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z_.]+$' })),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z_.]+$' })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this instant' })),
};

export const AuditListQuery = Obj({ ...AuditFilterProps, ...PageQuery });
export const AuditExportQuery = Obj(AuditFilterProps);

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor: Type.Object({
    id: Type.Union([Type.String(), Type.Null()]),
    name: Type.Union([Type.String(), Type.Null()]),
    kind: Type.String(),
  }),
  action: Type.String(),
  target: Type.Union([
    Type.Object({
      type: Type.String(),
      id: Type.Union([Type.String(), Type.Null()]),
      label: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

export const AuditPage = Page(AuditEntry);
