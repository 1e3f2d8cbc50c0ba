/** Checks shared by department commands: sibling names, valid heads. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, invalid } from '../../../platform/errors.js';

export async function assertSiblingNameFree(
  db: Kysely<Database>,
  orgId: string,
  parentId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  let query = db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', '=', parentId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw conflict('A department with this name already exists under the same parent', { field: 'name' });
  }
}

/** Heads must be active members of the org. */
export async function assertActiveMembers(db: Kysely<Database>, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where('kind', '=', 'staff')
    .where('id', 'in', [...ids])
    .execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalid('Department heads must be active members of the org', { field: 'headIds', memberIds: missing });
  }
}
