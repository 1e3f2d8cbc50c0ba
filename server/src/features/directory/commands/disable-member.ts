/** Disables a member: status disabled and every session ends in the same transaction. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { revokeMemberSessions } from '../../identity/index.js';
import { findMember, type MemberRow } from '../queries.js';
import { loadMemberToRemove } from './status-guards.js';

export async function disableMember(ctx: Ctx, actor: Actor, id: string): Promise<MemberRow> {
  const { row } = await loadMemberToRemove(ctx, actor, id, 'disable');
  if (row.status !== 'active') throw conflict(`The member is ${row.status}, not active`);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('members')
      .set({ status: 'disabled', disabled_at: now, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    const sessions = await revokeMemberSessions(ctx, tx, actor.orgId, id, 'member_disabled');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'member.disabled',
      target: { type: 'member', id, label: row.name },
      before: { status: row.status },
      after: { status: 'disabled', sessionsRevoked: sessions },
    });
  });
  ctx.bus.emit({
    type: 'member.disabled',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: id },
  });
  const after = await findMember(ctx.db, actor.orgId, id);
  if (!after) throw new Error('member vanished');
  return after;
}
