/**
 * Customer mass messages (群发助手): a message composed once for the customers a filter finds,
 * one recipient row per customer (with the owner who sends it), and each org's sending rules.
 * Built-in roles of existing orgs get the new permissions as new orgs' do.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('mass_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment_kind', 'text')
    .addColumn('attachment_id', 'text')
    .addColumn('link_url', 'text')
    .addColumn('link_title', 'text')
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_confirm', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approver_id', 'text', (c) => c.references('members.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('mass_messages_org_status')
    .on('mass_messages')
    .columns(['org_id', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('mass_messages_author').on('mass_messages').columns(['org_id', 'author_id']).execute();

  await db.schema
    .createTable('mass_message_recipients')
    .addColumn('mass_message_id', 'text', (c) => c.notNull().references('mass_messages.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fail_reason', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('message_seq', 'integer')
    .addColumn('confirmed_at', 'text')
    .addColumn('sent_at', 'text')
    .addPrimaryKeyConstraint('mass_message_recipients_pk', ['mass_message_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('mass_message_recipients_customer')
    .on('mass_message_recipients')
    .columns(['org_id', 'customer_id', 'status', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('mass_message_recipients_owner')
    .on('mass_message_recipients')
    .columns(['org_id', 'owner_id', 'status'])
    .execute();

  await db.schema
    .createTable('mass_message_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('cap_count', 'integer', (c) => c.notNull())
    .addColumn('cap_period', 'text', (c) => c.notNull())
    .addColumn('require_approval', 'integer', (c) => c.notNull())
    .addColumn('owner_confirm', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await sql`insert into role_permissions (org_id, role_id, permission)
    select org_id, id, 'mass_message.send' from roles where builtin_key in ('owner', 'admin', 'supervisor', 'member')`.execute(
    db,
  );
  await sql`insert into role_permissions (org_id, role_id, permission)
    select org_id, id, 'mass_message.approve' from roles where builtin_key in ('owner', 'admin', 'supervisor')`.execute(
    db,
  );
  await sql`insert into role_permissions (org_id, role_id, permission)
    select org_id, id, 'mass_message.manage' from roles where builtin_key in ('owner', 'admin')`.execute(db);
}
