/** Directory reads with the actor's `member.view` reach applied; routes present what these return. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { descendantsOf, loadDepartmentTree } from '../../authz/department-tree.js';
import { invalid, notFound } from '../../platform/errors.js';
import { loadVisibleDepartment, loadVisibleMember, requireReach } from './access.js';
import { presentDepartment, presentMember, presentMemberDetail } from './presenter.js';
import {
  departmentIdsOf,
  findMember,
  headedBy,
  headsByDepartment,
  listDepartmentRows,
  listMemberRows,
  memberCountsByDepartment,
  rolesOf,
} from './queries.js';
import type { DepartmentOut, ListMembersInput, MemberDetailOut, MemberOut } from './schemas.js';

export async function listDepartments(ctx: Ctx, actor: Actor): Promise<DepartmentOut[]> {
  const reach = await requireReach(ctx, actor, 'member.view');
  const [rows, counts, heads] = await Promise.all([
    listDepartmentRows(ctx.db, actor.orgId),
    memberCountsByDepartment(ctx.db, actor.orgId),
    headsByDepartment(ctx.db, actor.orgId),
  ]);
  return rows
    .filter((row) => reach.all || reach.departmentIds.has(row.id))
    .map((row) => presentDepartment(row, counts.get(row.id) ?? 0, heads.get(row.id) ?? []));
}

export async function getDepartment(ctx: Ctx, actor: Actor, id: string): Promise<DepartmentOut> {
  const row = await loadVisibleDepartment(ctx, actor, id);
  const [counts, heads] = await Promise.all([
    memberCountsByDepartment(ctx.db, actor.orgId),
    headsByDepartment(ctx.db, actor.orgId),
  ]);
  return presentDepartment(row, counts.get(id) ?? 0, heads.get(id) ?? []);
}

type Cursor = { pinyin: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.pinyin, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { pinyin: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not valid; start again from the first page', { field: 'cursor' });
}

export async function listMembers(
  ctx: Ctx,
  actor: Actor,
  input: ListMembersInput,
): Promise<{ items: MemberOut[]; nextCursor: string | null }> {
  const reach = await requireReach(ctx, actor, 'member.view');
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  let departmentIds: Set<string> | null = null;
  if (input.departmentId) {
    const department = await loadVisibleDepartment(ctx, actor, input.departmentId);
    if (input.includeSubdepartments) {
      departmentIds = descendantsOf(await loadDepartmentTree(ctx.db, actor.orgId), [department.id]);
    } else departmentIds = new Set([department.id]);
  }
  const limit = input.limit ?? 50;
  const rows = await listMemberRows(ctx.db, ctx.dialect, actor.orgId, {
    reachDepartmentIds: reach.all ? null : reach.departmentIds,
    selfId: reach.all ? null : reach.selfId,
    departmentIds,
    status: input.status,
    q: input.q,
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const memberships = await departmentIdsOf(
    ctx.db,
    actor.orgId,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentMember(row, memberships.get(row.id) ?? [])),
    nextCursor: rows.length > limit && last ? encodeCursor({ pinyin: last.name_pinyin, id: last.id }) : null,
  };
}

export async function getMemberDetail(ctx: Ctx, actor: Actor, id: string): Promise<MemberDetailOut> {
  const { row, departmentIds } = await loadVisibleMember(ctx, actor, id);
  const [departments, roles, headOf, supervisor] = await Promise.all([
    listDepartmentRows(ctx.db, actor.orgId),
    rolesOf(ctx.db, actor.orgId, id),
    headedBy(ctx.db, actor.orgId, id),
    row.supervisor_id ? findMember(ctx.db, actor.orgId, row.supervisor_id) : Promise.resolve(undefined),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return presentMemberDetail({
    row,
    departments: departmentIds.map((d) => {
      const name = names.get(d);
      if (name === undefined) throw notFound('department');
      return { id: d, name };
    }),
    supervisor: supervisor ? { id: supervisor.id, name: supervisor.name } : null,
    roles,
    headOf,
  });
}
