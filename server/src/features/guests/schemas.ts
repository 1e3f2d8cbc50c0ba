/** Route schemas for visitors joining an external group by invite link and email code. */
import { type Static, Type } from '@sinclair/typebox';
import { Name, Obj } from '../../http/schema-helpers.js';

const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });

export const InviteStatus = Type.Union([
  Type.Literal('valid'),
  Type.Literal('expired'),
  Type.Literal('used_up'),
  Type.Literal('revoked'),
  Type.Literal('dissolved'),
]);

export const InvitePreview = Type.Object({
  orgName: Type.String(),
  groupName: Type.Union([Type.String(), Type.Null()]),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  /** `external` groups admit visitors by email code; `group` links are for colleagues only. */
  kind: Type.String(),
  memberCount: Type.Integer(),
  status: InviteStatus,
  /** Whether this server can send the email code (SMTP_URL is set). */
  mailConfigured: Type.Boolean(),
  /** The group is archived: the visitor agrees to or declines this notice when joining. */
  archiveNotice: Type.Union([Type.Object({ version: Type.Integer(), text: Type.String() }), Type.Null()]),
});
export type InvitePreviewOut = Static<typeof InvitePreview>;

export const GuestCodeBody = Obj({ email: Email });
export type GuestCodeInput = Static<typeof GuestCodeBody>;

export const GuestCodeSent = Type.Object({
  email: Type.String(),
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
});
export type GuestCodeSentOut = Static<typeof GuestCodeSent>;

export const GuestJoinBody = Obj({
  email: Email,
  code: Type.String({ pattern: '^[0-9]{6}$', description: 'The six digits from the email' }),
  displayName: Name(40),
  consent: Type.Optional(
    Type.Union([Type.Literal('agreed'), Type.Literal('declined')], {
      description: 'The answer to the archive notice; required when the preview shows one',
    }),
  ),
  noticeVersion: Type.Optional(
    Type.Integer({ minimum: 1, description: 'The notice version shown; 409 when it changed meanwhile' }),
  ),
});
export type GuestJoinInput = Static<typeof GuestJoinBody>;

export const GuestJoined = Type.Object({
  /** Bearer token of a guest session: it reaches only this group's conversation. */
  token: Type.String(),
  expiresAt: Type.String(),
  conversationId: Type.String(),
  participant: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
});
export type GuestJoinedOut = Static<typeof GuestJoined>;
