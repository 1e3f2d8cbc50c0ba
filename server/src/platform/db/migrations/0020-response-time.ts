/**
 * Customer response-time targets: each org's working hours and target (one row, defaults until an
 * admin saves), and one wait per customer message in a customer chat — who owned the customer,
 * when it was asked and first answered, the working time it took, when the owner and then the
 * supervisor are due an alert and when they got it.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('response_time_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('work_days', 'text', (c) => c.notNull())
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('end_minute', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('target_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('response_waits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('working_seconds', 'integer')
    .addColumn('owner_due_at', 'text')
    .addColumn('supervisor_due_at', 'text')
    .addColumn('owner_alerted_at', 'text')
    .addColumn('supervisor_alerted_at', 'text')
    .execute();
  await db.schema
    .createIndex('response_waits_open')
    .on('response_waits')
    .columns(['org_id', 'conversation_id', 'answered_at'])
    .execute();
  await db.schema.createIndex('response_waits_asked').on('response_waits').columns(['org_id', 'asked_at']).execute();
  await db.schema
    .createIndex('response_waits_owner_due')
    .on('response_waits')
    .columns(['answered_at', 'owner_alerted_at', 'owner_due_at'])
    .execute();
  await db.schema
    .createIndex('response_waits_supervisor_due')
    .on('response_waits')
    .columns(['answered_at', 'supervisor_alerted_at', 'supervisor_due_at'])
    .execute();
}
