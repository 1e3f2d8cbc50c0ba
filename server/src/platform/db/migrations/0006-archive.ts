/**
 * The compliance archive. `archive_records` is a per-org log whose leaves form a Merkle tree
 * (RFC 9162) over each record's metadata and content hash; `archive_heads` keeps the tree's
 * compact frontier so an append costs O(log n). The database refuses deleting records and any
 * update except dropping content under retention (content set to NULL with `purged_at`).
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('archive_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('all'))
    .addColumn('department_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('enabled_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('archive_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('attrs', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('content_hash', 'text')
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema
    .createIndex('archive_records_seq')
    .unique()
    .on('archive_records')
    .columns(['org_id', 'seq'])
    .execute();
  // One record per source (a conversation event, a hide): a second delivery appends nothing.
  await db.schema
    .createIndex('archive_records_source')
    .unique()
    .on('archive_records')
    .columns(['org_id', 'source_key'])
    .execute();
  await db.schema
    .createIndex('archive_records_conversation')
    .on('archive_records')
    .columns(['org_id', 'conversation_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('archive_records_actor')
    .on('archive_records')
    .columns(['org_id', 'actor_id', 'seq'])
    .execute();

  await db.schema
    .createTable('archive_heads')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // How far each conversation's event log has been archived.
  await db.schema
    .createTable('archive_cursors')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('archive_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('archive_checkpoints_org')
    .on('archive_checkpoints')
    .columns(['org_id', 'size'])
    .execute();

  await guardRecords(db, dialect);
  // Owners and admins of existing orgs hold every permission, including the new one.
  await sql`insert into role_permissions (org_id, role_id, permission)
    select org_id, id, 'archive.manage' from roles where builtin_key in ('owner', 'admin')`.execute(db);
}

/** Only retention may touch a record, and only by dropping its content; nothing may delete one. */
async function guardRecords(db: AnyDb, dialect: Dialect): Promise<void> {
  const changed = (col: string) => `NEW.${col} IS DISTINCT FROM OLD.${col}`;
  const frozen = [
    'id',
    'org_id',
    'seq',
    'type',
    'at',
    'conversation_id',
    'actor_id',
    'message_id',
    'source_key',
    'attrs',
    'content_hash',
    'leaf_hash',
  ];
  if (dialect === 'sqlite') {
    const sqliteChanged = (col: string) => `NEW.${col} IS NOT OLD.${col}`;
    const forbidden = [
      ...frozen.map(sqliteChanged),
      '(NEW.content IS NOT NULL AND NEW.content IS NOT OLD.content)',
    ].join(' OR ');
    await sql
      .raw(
        `CREATE TRIGGER archive_records_guard_update BEFORE UPDATE ON archive_records WHEN ${forbidden} BEGIN SELECT RAISE(ABORT, 'archive_records only lose content under retention'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER archive_records_no_delete BEFORE DELETE ON archive_records BEGIN SELECT RAISE(ABORT, 'archive_records cannot be deleted'); END`,
      )
      .execute(db);
    return;
  }
  const forbidden = [
    ...frozen.map(changed),
    '(NEW.content IS NOT NULL AND NEW.content IS DISTINCT FROM OLD.content)',
  ].join(' OR ');
  await sql
    .raw(
      `CREATE FUNCTION archive_records_guard() RETURNS trigger AS $$ BEGIN
         IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'archive_records cannot be deleted'; END IF;
         IF ${forbidden} THEN RAISE EXCEPTION 'archive_records only lose content under retention'; END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER archive_records_guard BEFORE UPDATE OR DELETE ON archive_records FOR EACH ROW EXECUTE FUNCTION archive_records_guard()',
    )
    .execute(db);
}
