/**
 * Offboards a member: status departed, sessions end, no longer heads a department. Emits
 * `member.departed` so messaging, customers and drive can hand over what the member held.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { revokeMemberSessions } from '../../identity/index.js';
import { dateInput } from '../member-rules.js';
import { findMember, type MemberRow } from '../queries.js';
import type { DepartMemberInput } from '../schemas.js';
import { loadMemberToRemove } from './status-guards.js';

export async function departMember(ctx: Ctx, actor: Actor, id: string, input: DepartMemberInput): Promise<MemberRow> {
  const { row } = await loadMemberToRemove(ctx, actor, id, 'depart');
  if (row.status === 'departed') throw conflict('The member has already departed');
  const departedOn = dateInput('departedOn', input.departedOn) ?? null;
  const now = ctx.clock.now().toISOString();
  const departedAt = departedOn ? `${departedOn}T00:00:00.000Z` : now;
  const headOf = await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('members')
      .set({ status: 'departed', departed_at: departedAt, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    const sessions = await revokeMemberSessions(ctx, tx, actor.orgId, id, 'member_departed');
    const heads = await tx
      .deleteFrom('department_heads')
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', id)
      .returning('department_id')
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'member.departed',
      target: { type: 'member', id, label: row.name },
      before: { status: row.status },
      after: {
        status: 'departed',
        departedAt,
        sessionsRevoked: sessions,
        removedAsHeadOf: heads.map((h) => h.department_id),
      },
    });
    return heads.map((h) => h.department_id);
  });
  ctx.bus.emit({
    type: 'member.departed',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { memberId: id, departedAt, formerHeadOf: headOf },
  });
  const after = await findMember(ctx.db, actor.orgId, id);
  if (!after) throw new Error('member vanished');
  return after;
}
