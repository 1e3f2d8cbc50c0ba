/**
 * Who sees and who manages which directory object. Outside the `member.view` reach an object
 * answers 404, like one of another org; inside it, a missing write permission answers 403.
 */
import type { Permission } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, type Reach, reachCovers, reachOf } from '../../authz/may.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { type DepartmentRow, departmentIdsOf, findDepartment, findMember, type MemberRow } from './queries.js';

type AccessCtx = Pick<Ctx, 'db' | 'clock' | 'ids'>;

/** The actor's reach for a permission; 403 when the permission is not held at all. */
export async function requireReach(ctx: AccessCtx, actor: Actor, permission: Permission): Promise<Reach> {
  const reach = await reachOf(ctx, actor, permission);
  if (!reach) {
    await assertMay(ctx, actor, permission);
    throw forbidden();
  }
  return reach;
}

export type VisibleMember = { row: MemberRow; departmentIds: string[] };

/** A member of the actor's org inside its view reach, or 404. */
export async function loadVisibleMember(ctx: AccessCtx, actor: Actor, id: string): Promise<VisibleMember> {
  const row = await findMember(ctx.db, actor.orgId, id);
  if (!row) throw notFound('member');
  const departmentIds = (await departmentIdsOf(ctx.db, actor.orgId, [id])).get(id) ?? [row.primary_department_id];
  const reach = await reachOf(ctx, actor, 'member.view');
  if (!reach || !reachCovers(reach, { kind: 'member', id, departmentIds })) throw notFound('member');
  return { row, departmentIds };
}

/** 403 (audited) unless the actor may manage this member. */
export function assertManagesMember(ctx: AccessCtx, actor: Actor, member: VisibleMember): Promise<void> {
  return assertMay(ctx, actor, 'member.manage', {
    kind: 'member',
    id: member.row.id,
    departmentIds: member.departmentIds,
  });
}

/** A department of the actor's org inside its view reach, or 404. */
export async function loadVisibleDepartment(ctx: AccessCtx, actor: Actor, id: string): Promise<DepartmentRow> {
  const row = await findDepartment(ctx.db, actor.orgId, id);
  if (!row) throw notFound('department');
  const reach = await reachOf(ctx, actor, 'member.view');
  if (!reach || !reachCovers(reach, { kind: 'department', id })) throw notFound('department');
  return row;
}

/** Departments of the org given for a member; 404 naming the field when one is not in the org. */
export async function loadOrgDepartments(
  ctx: AccessCtx,
  actor: Actor,
  ids: readonly string[],
  field: string,
): Promise<DepartmentRow[]> {
  const rows: DepartmentRow[] = [];
  for (const id of ids) {
    const row = await findDepartment(ctx.db, actor.orgId, id);
    if (!row) throw notFound('department', { field });
    rows.push(row);
  }
  return rows;
}

/** 403 unless every given department lies in the actor's `member.manage` reach. */
export async function assertManagesDepartments(ctx: AccessCtx, actor: Actor, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) await assertMay(ctx, actor, 'member.manage', { kind: 'department', id });
}
