/**
 * Deletes an empty department: no sub-departments and no members (of any status). Groups that
 * followed it stop following it, in the same transaction (they reference the department).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { publishEvents, unfollowDepartment } from '../../messaging/index.js';
import { loadVisibleDepartment } from '../access.js';
import { departmentAuditSnapshot } from '../presenter.js';
import { departmentContents } from '../queries.js';

export async function deleteDepartment(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const before = await loadVisibleDepartment(ctx, actor, id);
  await assertMay(ctx, actor, 'department.manage', { kind: 'department', id });
  if (before.parent_id === null) throw conflict('The root department cannot be deleted');
  const now = ctx.clock.now().toISOString();
  const unfollowed = await ctx.db.transaction().execute(async (tx) => {
    const contents = await departmentContents(tx, actor.orgId, id);
    if (contents.children > 0 || contents.members > 0) {
      const parts = [
        contents.children > 0 ? `${contents.children} sub-department(s)` : null,
        contents.members > 0 ? `${contents.members} member(s)` : null,
      ].filter(Boolean);
      throw conflict(`The department still has ${parts.join(' and ')}; move them first`, {
        children: contents.children,
        members: contents.members,
      });
    }
    await tx.deleteFrom('department_heads').where('org_id', '=', actor.orgId).where('department_id', '=', id).execute();
    const events = await unfollowDepartment(ctx, tx, actor.orgId, id);
    await tx.deleteFrom('departments').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'department.deleted',
      target: { type: 'department', id, label: before.name },
      before: departmentAuditSnapshot(before),
    });
    return events;
  });
  ctx.bus.emit({
    type: 'department.deleted',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { departmentId: id },
  });
  publishEvents(ctx, unfollowed);
}
