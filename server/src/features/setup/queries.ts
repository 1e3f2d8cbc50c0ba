/** Reads for first-run setup. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** True once the server holds any org; setup is then closed for good. */
export async function anyOrgExists(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
