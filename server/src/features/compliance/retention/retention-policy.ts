/**
 * How long archived content is kept: an org-wide number of days (or for ever) and longer or
 * shorter periods for the members of chosen departments (with their sub-departments). When a
 * member is in several, the longest period applies. Needs archive.manage; audited.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { loadDepartmentTree } from '../../../authz/department-tree.js';
import { assertMay } from '../../../authz/may.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';

export type DepartmentRetention = { departmentId: string; keepDays: number | null };
export type RetentionPolicy = { keepDays: number | null; departments: DepartmentRetention[] };

export const KEEP_FOREVER: RetentionPolicy = { keepDays: null, departments: [] };

export async function readRetention(db: Kysely<Database>, orgId: string): Promise<RetentionPolicy> {
  const row = await db.selectFrom('archive_retention').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return KEEP_FOREVER;
  return {
    keepDays: row.keep_days === null ? null : Number(row.keep_days),
    departments: JSON.parse(row.department_overrides) as DepartmentRetention[],
  };
}

export async function updateRetention(ctx: Ctx, actor: Actor, input: RetentionPolicy): Promise<RetentionPolicy> {
  await assertMay(ctx, actor, 'archive.manage');
  const ids = input.departments.map((d) => d.departmentId);
  if (new Set(ids).size !== ids.length) throw invalid('Each department may appear once', { field: 'departments' });
  const tree = await loadDepartmentTree(ctx.db, actor.orgId);
  if (ids.some((id) => !tree.parentOf.has(id))) throw notFound('department', { field: 'departments' });
  const before = await readRetention(ctx.db, actor.orgId);
  const now = ctx.clock.now().toISOString();
  const row = {
    keep_days: input.keepDays,
    department_overrides: JSON.stringify(input.departments),
    updated_at: now,
    updated_by: actor.memberId,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('archive_retention')
      .values({ org_id: actor.orgId, ...row })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(row))
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'archive.retention_changed',
      target: { type: 'org', id: actor.orgId },
      before,
      after: input,
    });
  });
  return input;
}
