/**
 * Who a mass message reaches: the customers the filter finds (tags all of / any of / none of,
 * stage, owner, the owner's department and those below it) among those the author may see —
 * the customer list's own filter and data scope, so the count matches what the author can list.
 */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { descendantsOf, loadDepartmentTree } from '../../authz/department-tree.js';
import { invalid, limitExceeded } from '../../platform/errors.js';
import { checkedFilter, customerViewer, listCustomerRows } from '../customers/index.js';
import type { PreviewOut, TargetFilterInput } from './schemas.js';

export const RECIPIENTS_MAX = 10_000;
const PAGE = 500;

export type Target = { customerId: string; ownerId: string };

async function ownersInDepartment(ctx: Pick<Ctx, 'db'>, orgId: string, departmentId: string): Promise<Set<string>> {
  const tree = await loadDepartmentTree(ctx.db, orgId);
  const departments = descendantsOf(tree, [departmentId]);
  if (departments.size === 0) {
    throw invalid('There is no such department', { field: 'departmentId', reason: 'unknown_department' });
  }
  const rows = await ctx.db
    .selectFrom('member_departments')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('department_id', 'in', [...departments])
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** The customers the filter reaches for this author, in a stable order; 422 past RECIPIENTS_MAX. */
export async function resolveTargets(ctx: Ctx, actor: Actor, filter: TargetFilterInput): Promise<Target[]> {
  const viewer = await customerViewer(ctx, actor);
  const base = await checkedFilter(ctx, viewer, {
    tagsAll: filter.tagsAll,
    tagsAny: filter.tagsAny,
    tagsNone: filter.tagsNone,
    stageId: filter.stageId,
    ownerId: filter.ownerId,
  });
  const owners = filter.departmentId ? await ownersInDepartment(ctx, actor.orgId, filter.departmentId) : null;
  const out: Target[] = [];
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const rows = await listCustomerRows(ctx.db, ctx.dialect, viewer, { ...base, sort: 'updated', after, limit: PAGE });
    for (const row of rows) {
      if (owners && !owners.has(row.owner_id)) continue;
      out.push({ customerId: row.id, ownerId: row.owner_id });
    }
    if (out.length > RECIPIENTS_MAX) {
      throw limitExceeded(`A mass message reaches at most ${RECIPIENTS_MAX} customers`, { max: RECIPIENTS_MAX });
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return out;
    after = { key: last.updated_at, id: last.id };
  }
}

/** How many customers the filter reaches, in all and per owner (most first). */
export async function previewTargets(ctx: Ctx, actor: Actor, filter: TargetFilterInput): Promise<PreviewOut> {
  const targets = await resolveTargets(ctx, actor, filter);
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.ownerId, (counts.get(t.ownerId) ?? 0) + 1);
  const ids = [...counts.keys()];
  const names =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('members')
          .select(['id', 'name'])
          .where('org_id', '=', actor.orgId)
          .where('id', 'in', ids)
          .execute();
  const nameOf = new Map(names.map((m) => [m.id, m.name]));
  const owners = ids
    .map((id) => ({ id, name: nameOf.get(id) ?? '', count: counts.get(id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  return { total: targets.length, owners };
}
