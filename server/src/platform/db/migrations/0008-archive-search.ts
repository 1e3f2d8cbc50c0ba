/**
 * Archive search. `archive_search_docs` holds one row per archived message record (created,
 * edited, recalled, hidden) with what a search filters on, as it was when the record was
 * archived: conversation, sender, the sender's departments, whether the conversation is external
 * and which external participants were in it. Its `doc_id` is the record's time in milliseconds
 * times 1024 plus a slot, so ordering by it is ordering by time and a time range is an id range.
 *
 * The searchable text goes through the one tokenizer (search-core) and is stored as token text:
 * on SQLite in contentless FTS5 tables `archive_search_fts_<n>` (tokenize='ascii', rowid = doc_id),
 * one per ~99 days, made as records arrive; on PostgreSQL in the `tokens` tsvector ('simple') with
 * a GIN index. Deleting a doc row (content purged by retention) removes its FTS5 entry through a
 * trigger; on PostgreSQL it goes with the row.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('archive_search_docs')
    .addColumn('doc_id', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    // No foreign key: records are never deleted, and verification must still run (and name the
    // gap) when someone with database access removes one.
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('record_seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('sender_id', 'text')
    .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('guest_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .$call((t) => (dialect === 'postgres' ? t.addColumn('tokens', sql`tsvector`, (c) => c.notNull()) : t))
    .execute();
  await db.schema
    .createIndex('archive_search_docs_record')
    .unique()
    .on('archive_search_docs')
    .column('record_id')
    .execute();
  await db.schema
    .createIndex('archive_search_docs_org')
    .on('archive_search_docs')
    .columns(['org_id', 'doc_id'])
    .execute();
  await db.schema
    .createIndex('archive_search_docs_conversation')
    .on('archive_search_docs')
    .columns(['org_id', 'conversation_id', 'record_seq'])
    .execute();
  await db.schema
    .createIndex('archive_search_docs_message')
    .on('archive_search_docs')
    .columns(['org_id', 'message_id'])
    .execute();

  // SQLite's FTS5 tables are made per span of time as records arrive (search/fts-partitions.ts).
  if (dialect === 'sqlite') return;
  await sql.raw('CREATE INDEX archive_search_docs_tokens ON archive_search_docs USING gin (tokens)').execute(db);
}
