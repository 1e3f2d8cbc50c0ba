/**
 * Archive search on PostgreSQL: each doc gets a walk signature (search/walk-signature.ts), a
 * Bloom filter of its tokens carried in the two walk indexes, so a search naming one member or
 * conversation checks that member's or conversation's newest docs in the index's leaf pages and
 * reads from the table only the docs that may match. Docs indexed before have no signature and
 * are read as before until the search feature fills it in a background job (search/upgrade-job.ts),
 * recorded here as a pending upgrade. SQLite's FTS5 tables do not walk.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`ALTER TABLE archive_search_docs ADD COLUMN walk_sig bit(512)`.execute(db);
  await sql`DROP INDEX archive_search_docs_sender_walk`.execute(db);
  await sql`DROP INDEX archive_search_docs_conversation_walk`.execute(db);
  await sql`CREATE INDEX archive_search_docs_sender_walk
            ON archive_search_docs (org_id, sender_id, doc_id) INCLUDE (walk_sig)`.execute(db);
  await sql`CREATE INDEX archive_search_docs_conversation_walk
            ON archive_search_docs (org_id, conversation_id, doc_id) INCLUDE (walk_sig)`.execute(db);
  await sql`INSERT INTO archive_search_upgrades (name, next_doc_id)
            SELECT 'walk-signatures', 0 WHERE EXISTS (SELECT 1 FROM archive_search_docs)`.execute(db);
}
