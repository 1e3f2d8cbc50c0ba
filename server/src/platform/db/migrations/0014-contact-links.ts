/**
 * Contact-me links (联系我): a member's personal links that visitors open to start a 1:1 chat
 * with them, and the link between a customer and their chats (the guest and the conversation),
 * which transfers use to tell the customer and hand the chat to the new owner.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('contact_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tag_ids', 'text', (c) => c.notNull())
    .addColumn('welcome_message', 'text')
    .addColumn('stage_id', 'text')
    .addColumn('joins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('contact_links_owner').on('contact_links').columns(['org_id', 'owner_id']).execute();

  await db.schema
    .createTable('customer_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('guest_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('contact_link_id', 'text')
    .addColumn('contact_link_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_conversations_customer')
    .on('customer_conversations')
    .columns(['org_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_conversations_member')
    .on('customer_conversations')
    .columns(['org_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('customer_conversations_guest')
    .on('customer_conversations')
    .columns(['guest_id'])
    .unique()
    .execute();
}
