/**
 * Archive search on PostgreSQL: a query naming one member or one conversation walks that
 * member's or conversation's newest docs by these indexes and checks each against the text,
 * instead of intersecting the GIN postings of a common word (millions of docs) with a small tag.
 * SQLite's time-partitioned FTS5 tables do not need them.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`CREATE INDEX archive_search_docs_sender_walk ON archive_search_docs (org_id, sender_id, doc_id)`.execute(
    db,
  );
  await sql`CREATE INDEX archive_search_docs_conversation_walk ON archive_search_docs (org_id, conversation_id, doc_id)`.execute(
    db,
  );
}
