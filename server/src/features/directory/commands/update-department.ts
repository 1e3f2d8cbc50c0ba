/** Renames, moves, reorders a department or sets its heads. The root stays the root. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { isWithin, loadDepartmentTree } from '../../../authz/department-tree.js';
import { assertMay } from '../../../authz/may.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleDepartment } from '../access.js';
import { departmentAuditSnapshot } from '../presenter.js';
import { type DepartmentRow, findDepartment, headsByDepartment } from '../queries.js';
import type { UpdateDepartmentInput } from '../schemas.js';
import { assertActiveMembers, assertSiblingNameFree } from './department-rules.js';

export async function updateDepartment(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateDepartmentInput,
): Promise<DepartmentRow> {
  const before = await loadVisibleDepartment(ctx, actor, id);
  await assertMay(ctx, actor, 'department.manage', { kind: 'department', id });

  let parentId = before.parent_id;
  if (input.parentId !== undefined && input.parentId !== before.parent_id) {
    if (before.parent_id === null) throw conflict('The root department cannot be moved', { field: 'parentId' });
    const parent = await loadVisibleDepartment(ctx, actor, input.parentId);
    await assertMay(ctx, actor, 'department.manage', { kind: 'department', id: parent.id });
    const tree = await loadDepartmentTree(ctx.db, actor.orgId);
    if (isWithin(tree, parent.id, id)) {
      throw conflict('A department cannot be moved under itself or one of its own sub-departments', {
        field: 'parentId',
      });
    }
    parentId = parent.id;
  }
  const name = input.name?.trim() ?? before.name;
  const headsBefore = (await headsByDepartment(ctx.db, actor.orgId)).get(id) ?? [];
  const now = ctx.clock.now().toISOString();

  await ctx.db.transaction().execute(async (tx) => {
    if (parentId && (name !== before.name || parentId !== before.parent_id)) {
      await assertSiblingNameFree(tx, actor.orgId, parentId, name, id);
    }
    await tx
      .updateTable('departments')
      .set({ name, parent_id: parentId, sort_order: input.sortOrder ?? before.sort_order, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    if (input.headIds) {
      await assertActiveMembers(tx, actor.orgId, input.headIds);
      await tx
        .deleteFrom('department_heads')
        .where('org_id', '=', actor.orgId)
        .where('department_id', '=', id)
        .execute();
      if (input.headIds.length > 0) {
        await tx
          .insertInto('department_heads')
          .values(input.headIds.map((memberId) => ({ org_id: actor.orgId, department_id: id, member_id: memberId })))
          .execute();
      }
    }
    const after = await findDepartment(tx, actor.orgId, id);
    if (!after) throw new Error('department vanished during update');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'department.updated',
      target: { type: 'department', id, label: name },
      before: departmentAuditSnapshot(before, headsBefore),
      after: departmentAuditSnapshot(after, input.headIds ?? headsBefore),
    });
  });
  ctx.bus.emit({
    type: 'department.updated',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    // The former parent lets department groups tell who left or entered the tree they follow.
    data: { departmentId: id, moved: parentId !== before.parent_id, fromParentId: before.parent_id, parentId },
  });
  const after = await findDepartment(ctx.db, actor.orgId, id);
  if (!after) throw new Error('department vanished after update');
  return after;
}
