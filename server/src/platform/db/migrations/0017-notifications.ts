/**
 * Members' notifications: reminders and changes addressed to one member, with when they were
 * read. `dedupe_key` makes delivery idempotent: the same reminder arriving twice (another node,
 * a replayed event) finds the row already there.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_dedupe')
    .unique()
    .on('notifications')
    .columns(['org_id', 'member_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_member_created')
    .on('notifications')
    .columns(['member_id', 'created_at', 'id'])
    .execute();
}
