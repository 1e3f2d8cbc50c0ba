/**
 * Customer transfers: on-the-job transfers (waiting for the customer's 24 hours, then done,
 * declined, refused at the receiver's limit, or cancelled) and departure handovers; the org's
 * transfer limits; and who a follow-up's next date now belongs to after a transfer.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('customer_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('from_member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('to_member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('notice_status', 'text', (c) => c.notNull())
    .addColumn('notice_reason', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decide_by', 'text')
    .addColumn('settled_at', 'text')
    .addColumn('follow_ups_moved', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('customer_transfers_customer')
    .on('customer_transfers')
    .columns(['org_id', 'customer_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('customer_transfers_status')
    .on('customer_transfers')
    .columns(['org_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('customer_transfers_batch')
    .on('customer_transfers')
    .columns(['org_id', 'batch_id'])
    .execute();
  await db.schema
    .createIndex('customer_transfers_to')
    .on('customer_transfers')
    .columns(['org_id', 'to_member_id', 'status'])
    .execute();

  await db.schema
    .createTable('customer_transfer_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('max_transfers', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('member_limit', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Null: the author follows up, as before transfers existed.
  await db.schema.alterTable('customer_follow_ups').addColumn('assignee_id', 'text').execute();
}
