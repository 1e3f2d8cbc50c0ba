/**
 * Archive search indexes touching letter and digit runs as pair tokens since this version ("Q3"
 * → q3, so a query for Q3 reads one short posting list instead of intersecting those of q and 3).
 * Docs indexed before lack the pairs. Re-tokenizing needs the archived text, which may be
 * encrypted with keys only the running server holds, so this migration only records the pending
 * upgrade and the search feature carries it out in a background job (search/upgrade-job.ts), resuming
 * from `next_doc_id` if it was interrupted. A new installation has no docs and nothing to do.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('archive_search_upgrades')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_doc_id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO archive_search_upgrades (name, next_doc_id)
            SELECT 'joined-runs', 0 WHERE EXISTS (SELECT 1 FROM archive_search_docs)`.execute(db);
}
