/** Adds a department under a parent; names are unique among siblings. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleDepartment } from '../access.js';
import { departmentAuditSnapshot } from '../presenter.js';
import { type DepartmentRow, findDepartment } from '../queries.js';
import type { CreateDepartmentInput } from '../schemas.js';
import { assertSiblingNameFree } from './department-rules.js';

export async function createDepartment(ctx: Ctx, actor: Actor, input: CreateDepartmentInput): Promise<DepartmentRow> {
  const parent = await loadVisibleDepartment(ctx, actor, input.parentId);
  await assertMay(ctx, actor, 'department.manage', { kind: 'department', id: parent.id });
  const name = input.name.trim();
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await assertSiblingNameFree(tx, actor.orgId, parent.id, name, null);
    const row: DepartmentRow = {
      id,
      org_id: actor.orgId,
      parent_id: parent.id,
      name,
      sort_order: input.sortOrder ?? 0,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('departments').values(row).execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'department.created',
      target: { type: 'department', id, label: name },
      after: departmentAuditSnapshot(row),
    });
  });
  ctx.bus.emit({
    type: 'department.created',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { departmentId: id },
  });
  const created = await findDepartment(ctx.db, actor.orgId, id);
  if (!created) throw new Error('department vanished after insert');
  return created;
}
