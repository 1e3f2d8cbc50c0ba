/** An administrator signing a member out of every device (`session.manage` over the member). */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { recordAudit } from '../../audit/record.js';
import { memberForSessionManagement } from '../policy.js';
import { revokeMemberSessions } from './revoke-member-sessions.js';

export async function endMemberSessions(ctx: Ctx, actor: Actor, memberId: string): Promise<number> {
  const member = await memberForSessionManagement(ctx, actor, memberId);
  const revoked = await ctx.db.transaction().execute(async (tx) => {
    const count = await revokeMemberSessions(ctx, tx, actor.orgId, member.id, 'revoked_by_admin');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'session.revoked_all',
      target: { type: 'member', id: member.id, label: member.name },
      after: { revoked: count },
    });
    return count;
  });
  ctx.bus.emit({
    type: 'session.revoked',
    orgId: actor.orgId,
    at: ctx.clock.now().toISOString(),
    actorId: actor.memberId,
    data: { memberId: member.id, all: true },
  });
  return revoked;
}
