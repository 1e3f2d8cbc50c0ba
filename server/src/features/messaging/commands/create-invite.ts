/** Creates an invite link for a group, by anyone who may add members to it. */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import type { InviteRow } from '../conversation-queries.js';
import { findInvite } from '../conversation-queries.js';
import { assertChangeableGroup, assertMayInvite } from '../conversation-rules.js';
import type { CreateInviteInput } from '../conversation-schemas.js';
import { isGroupManager, requireMembership } from '../membership.js';

/** Invites last a week unless told otherwise. */
export const DEFAULT_INVITE_HOURS = 7 * 24;

/** 18 random bytes → 24 url-safe characters: unguessable, short enough for a QR code. */
export const newInviteCode = (): string => randomBytes(18).toString('base64url');

export async function createInvite(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  input: CreateInviteInput,
): Promise<InviteRow> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, conversationId);
  assertChangeableGroup(conversation);
  assertMayInvite(conversation, membership.role);
  const now = ctx.clock.now();
  const row: InviteRow = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    conversation_id: conversationId,
    code: newInviteCode(),
    created_by: actor.memberId,
    expires_at: new Date(now.getTime() + (input.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3_600_000).toISOString(),
    max_uses: input.maxUses ?? null,
    uses: 0,
    revoked_at: null,
    created_at: now.toISOString(),
  };
  await ctx.db.insertInto('conversation_invites').values(row).execute();
  return row;
}

/** Revokes an invite: its creator, or the group's owner and admins. */
export async function revokeInvite(ctx: Ctx, actor: Actor, conversationId: string, inviteId: string): Promise<void> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, conversationId);
  const invite = await findInvite(ctx.db, actor.orgId, conversationId, inviteId);
  if (!invite) throw notFound('invite');
  if (invite.created_by !== actor.memberId && !isGroupManager(membership.role)) {
    assertMayInvite(conversation, membership.role);
  }
  if (invite.revoked_at) return;
  await ctx.db
    .updateTable('conversation_invites')
    .set({ revoked_at: ctx.clock.now().toISOString() })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', inviteId)
    .where('revoked_at', 'is', null)
    .execute();
}
