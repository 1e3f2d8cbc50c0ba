/**
 * Archive consent: the org's notice texts (a new version per change), what a decline by an
 * external participant means (`archive_settings.decline_policy`), every acceptance, agreement,
 * decline and withdrawal (`archive_consents`, append-only at the database level) and each
 * person's current status (`archive_consent_status`, moved in the same transaction as the log).
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

type AnyDb = Kysely<unknown>;

async function makeAppendOnly(db: AnyDb, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('archive_settings')
    .addColumn('decline_policy', 'text', (c) => c.notNull().defaultTo('not_archived'))
    .execute();

  await db.schema
    .createTable('archive_notices')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('archive_notices_pk', ['org_id', 'version'])
    .execute();
  await makeAppendOnly(db, dialect, 'archive_notices');

  await db.schema
    .createTable('archive_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'integer', (c) => c.notNull())
    .addColumn('notice_sha256', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('archive_consents_subject')
    .on('archive_consents')
    .columns(['org_id', 'subject_id', 'at'])
    .execute();
  await db.schema
    .createIndex('archive_consents_conversation')
    .on('archive_consents')
    .columns(['org_id', 'conversation_id', 'at'])
    .execute();
  await makeAppendOnly(db, dialect, 'archive_consents');

  await db.schema
    .createTable('archive_consent_status')
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'integer', (c) => c.notNull())
    .addColumn('consent_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('archive_consent_status_conversation')
    .on('archive_consent_status')
    .columns(['org_id', 'conversation_id', 'status'])
    .execute();
}
