/** Request and response schemas of the identity routes (also the OpenAPI document). */
import { PERMISSIONS } from '@concord/protocol';
import { type TSchema, Type } from '@sinclair/typebox';
import { Id, Name, Obj, Text } from '../../http/schema-helpers.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Passwords are free text; length rules live in passwords.ts so messages stay precise. */
const Password = Type.String({ minLength: 1, maxLength: 256 });
const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'Six-digit code from the authenticator app' });

export const LoginBody = Obj({
  login: Text(254, { minLength: 1, description: 'Email or mobile number' }),
  password: Password,
  totp: Type.Optional(TotpCode),
});

export const MemberSummary = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  title: Nullable(Type.String()),
  status: Type.String(),
  primaryDepartmentId: Type.String(),
  departmentIds: Type.Array(Type.String()),
});

export const LoginResponse = Type.Object({
  token: Type.String(),
  member: MemberSummary,
  totpSetupRequired: Type.Boolean(),
});

export const MeResponse = Type.Object({
  member: MemberSummary,
  org: Type.Object({ id: Type.String(), name: Type.String() }),
  roles: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), builtinKey: Nullable(Type.String()) })),
  permissions: Type.Record(Type.String(), Type.String(), { description: 'Permission → data scope' }),
  totpEnabled: Type.Boolean(),
  totpSetupRequired: Type.Boolean(),
});

export const SessionView = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  current: Type.Boolean(),
});

export const SessionList = Type.Object({ items: Type.Array(SessionView) });
export const RevokedCount = Type.Object({ revoked: Type.Integer() });

export const ChangePasswordBody = Obj({ currentPassword: Password, newPassword: Password });

export const TotpSetupResponse = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpEnableBody = Obj({ code: TotpCode });
export const TotpDisableBody = Obj({ password: Password });
export const TotpState = Type.Object({ totpEnabled: Type.Boolean() });

const PermissionName = Type.Union(PERMISSIONS.map((p) => Type.Literal(p)));

export const CreateApiTokenBody = Obj({
  name: Name(100),
  scopes: Type.Array(PermissionName, { minItems: 1, maxItems: PERMISSIONS.length, uniqueItems: true }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});

export const ApiTokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  createdBy: Type.Object({ id: Type.String(), name: Type.String() }),
});

export const CreatedApiToken = Type.Composite([
  ApiTokenView,
  Type.Object({ token: Type.String({ description: 'Shown only in this response' }) }),
]);

export const ApiTokenList = Type.Object({ items: Type.Array(ApiTokenView) });

export const MemberIdParams = Obj({ id: Id });
