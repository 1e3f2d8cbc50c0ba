/**
 * Customer groups: external groups a member flags as serving customers, with their keyword
 * auto-replies. One row per flagged group; unflagging deletes it (the group itself is messaging's).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('customer_groups')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('auto_replies', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('flagged_by', 'text', (c) => c.references('members.id'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_groups_org').on('customer_groups').columns(['org_id']).execute();
}
