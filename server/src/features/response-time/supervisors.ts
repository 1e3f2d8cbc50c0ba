/**
 * Who supervises a member, for escalations: their direct supervisor when one is set and active;
 * otherwise the heads of their primary department, or of the nearest department above it that
 * has a head other than the member. Empty when nobody is found.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

const MAX_DEPTH = 50;

async function activeStaff(db: Kysely<Database>, orgId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .where('kind', '=', 'staff')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function supervisorsOf(db: Kysely<Database>, orgId: string, memberId: string): Promise<string[]> {
  const member = await db
    .selectFrom('members')
    .select(['supervisor_id', 'primary_department_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return [];
  if (member.supervisor_id && member.supervisor_id !== memberId) {
    const direct = await activeStaff(db, orgId, [member.supervisor_id]);
    if (direct.length > 0) return direct;
  }
  let departmentId: string | null = member.primary_department_id;
  for (let depth = 0; departmentId && depth < MAX_DEPTH; depth++) {
    const heads = await db
      .selectFrom('department_heads')
      .select('member_id')
      .where('org_id', '=', orgId)
      .where('department_id', '=', departmentId)
      .where('member_id', '!=', memberId)
      .execute();
    const active = await activeStaff(
      db,
      orgId,
      heads.map((h) => h.member_id),
    );
    if (active.length > 0) return active;
    const parent: { parent_id: string | null } | undefined = await db
      .selectFrom('departments')
      .select('parent_id')
      .where('org_id', '=', orgId)
      .where('id', '=', departmentId)
      .executeTakeFirst();
    departmentId = parent?.parent_id ?? null;
  }
  return [];
}
