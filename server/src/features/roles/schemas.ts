/** Request and response schemas for roles and member role assignments (also the OpenAPI). */
import { DATA_SCOPES, PERMISSIONS } from '@concord/protocol';
import { Type } from '@sinclair/typebox';
import { Id, Name, Obj, Text } from '../../http/schema-helpers.js';

/** One of the known permission names; anything else is refused with a 400. */
export const PermissionName = Type.Union(PERMISSIONS.map((p) => Type.Literal(p)));
/** One of the known data scopes. */
export const DataScopeName = Type.Union(DATA_SCOPES.map((s) => Type.Literal(s)));

const Permissions = Type.Array(PermissionName, { maxItems: PERMISSIONS.length, uniqueItems: true });

export const CreateRoleBody = Obj({
  name: Name(50),
  description: Type.Optional(Text(500)),
  dataScope: DataScopeName,
  permissions: Permissions,
  requireTotp: Type.Optional(Type.Boolean()),
});

export const UpdateRoleBody = Obj({
  name: Type.Optional(Name(50)),
  description: Type.Optional(Text(500)),
  dataScope: Type.Optional(DataScopeName),
  permissions: Type.Optional(Permissions),
  requireTotp: Type.Optional(Type.Boolean()),
});

export const SetMemberRolesBody = Obj({
  roleIds: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
});

export const RoleItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  builtinKey: Type.Union([Type.String(), Type.Null()]),
  dataScope: DataScopeName,
  permissions: Type.Array(PermissionName),
  requireTotp: Type.Boolean(),
  memberCount: Type.Integer(),
});

export const RoleList = Type.Object({ items: Type.Array(RoleItem) });
