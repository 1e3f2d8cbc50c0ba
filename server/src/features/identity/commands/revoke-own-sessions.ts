/**
 * A member ending their own sessions: sign out here, sign out one other device, or sign out
 * everywhere else. Each ends in one transaction with its audit entry.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertSessionActor } from '../policy.js';

function emitRevoked(ctx: Ctx, actor: Actor, sessionIds: readonly string[]): void {
  if (sessionIds.length === 0) return;
  ctx.bus.emit({
    type: 'session.revoked',
    orgId: actor.orgId,
    at: ctx.clock.now().toISOString(),
    actorId: actor.memberId,
    data: { memberId: actor.memberId, sessionIds: [...sessionIds] },
  });
}

/** Ends the session the request came with. */
export async function signOut(ctx: Ctx, actor: Actor): Promise<void> {
  assertSessionActor(actor);
  const sessionId = actor.sessionId;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('sessions')
      .set({ revoked_at: ctx.clock.now().toISOString(), revoked_reason: 'logout' })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'auth.logout',
      target: { type: 'session', id: sessionId },
    });
  });
  emitRevoked(ctx, actor, [sessionId]);
}

/** Ends one of the actor's own live sessions; others' sessions answer 404. */
export async function revokeOwnSession(ctx: Ctx, actor: Actor, sessionId: string): Promise<void> {
  assertSessionActor(actor);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('sessions')
      .set({ revoked_at: nowIso, revoked_reason: 'revoked_by_member' })
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', nowIso)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('session');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'session.revoked',
      target: { type: 'session', id: sessionId },
      after: { current: sessionId === actor.sessionId },
    });
  });
  emitRevoked(ctx, actor, [sessionId]);
}

/** Signs out every other device; the current session stays. Returns how many ended. */
export async function revokeOtherSessions(ctx: Ctx, actor: Actor): Promise<number> {
  assertSessionActor(actor);
  const currentId = actor.sessionId;
  const nowIso = ctx.clock.now().toISOString();
  const ended = await ctx.db.transaction().execute(async (tx) => {
    const live = await tx
      .selectFrom('sessions')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('id', '!=', currentId)
      .where('revoked_at', 'is', null)
      .execute();
    const ids = live.map((s) => s.id);
    // Nothing to end, nothing to record.
    if (ids.length === 0) return ids;
    await tx
      .updateTable('sessions')
      .set({ revoked_at: nowIso, revoked_reason: 'signed_out_elsewhere' })
      .where('org_id', '=', actor.orgId)
      .where('id', 'in', ids)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'session.revoked_all',
      target: { type: 'member', id: actor.memberId, label: actor.name },
      after: { revoked: ids.length, keptSessionId: currentId },
    });
    return ids;
  });
  emitRevoked(ctx, actor, ended);
  return ended.length;
}
