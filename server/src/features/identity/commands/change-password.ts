/** A member changing their own password; every other session of theirs ends. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertAcceptablePassword, hashPassword } from '../passwords.js';
import { assertSessionActor } from '../policy.js';
import { findMember } from '../queries.js';
import { assertPasswordMatches } from './reauthenticate.js';

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

export async function changePassword(ctx: Ctx, actor: Actor, input: ChangePasswordInput): Promise<number> {
  assertSessionActor(actor);
  const sessionId = actor.sessionId;
  const member = await findMember(ctx.db, actor.orgId, actor.memberId);
  if (!member) throw notFound('member');
  await assertPasswordMatches(ctx, actor, member, input.currentPassword, 'currentPassword');
  assertAcceptablePassword(input.newPassword, [member.email, member.mobile]);
  const passwordHash = await hashPassword(input.newPassword, ctx.config.passwordHash);
  const nowIso = ctx.clock.now().toISOString();

  const revoked = await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('members')
      .set({ password_hash: passwordHash, updated_at: nowIso })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', member.id)
      .execute();
    // Whoever may know the old password is signed out everywhere but here.
    const result = await tx
      .updateTable('sessions')
      .set({ revoked_at: nowIso, revoked_reason: 'password_changed' })
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', member.id)
      .where('id', '!=', sessionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'password.changed',
      target: { type: 'member', id: member.id, label: member.name },
      after: { otherSessionsRevoked: count },
    });
    return count;
  });
  ctx.bus.emit({
    type: 'session.revoked',
    orgId: actor.orgId,
    at: nowIso,
    actorId: actor.memberId,
    data: { memberId: member.id, exceptSessionId: sessionId },
  });
  return revoked;
}
