/** Re-enables a disabled member; departed members stay departed. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertManagesMember, loadVisibleMember } from '../access.js';
import { findMember, type MemberRow } from '../queries.js';

export async function enableMember(ctx: Ctx, actor: Actor, id: string): Promise<MemberRow> {
  const member = await loadVisibleMember(ctx, actor, id);
  await assertManagesMember(ctx, actor, member);
  const { row } = member;
  if (row.status === 'active') return row;
  if (row.status !== 'disabled') throw conflict('A departed member cannot be enabled again');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('members')
      .set({ status: 'active', disabled_at: null, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'member.enabled',
      target: { type: 'member', id, label: row.name },
      before: { status: row.status },
      after: { status: 'active' },
    });
  });
  ctx.bus.emit({
    type: 'member.enabled',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: id },
  });
  const after = await findMember(ctx.db, actor.orgId, id);
  if (!after) throw new Error('member vanished');
  return after;
}
