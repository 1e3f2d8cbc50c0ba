/**
 * Indexes for customer analytics: new customers by creation time, moves by time (lost customers
 * per period) and by target stage (the funnel), follow-ups by time. Each report reads an org's
 * rows in a period, so every index leads with org_id and then the time or stage.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('customers_org_created').on('customers').columns(['org_id', 'created_at']).execute();
  await db.schema
    .createIndex('customer_stage_moves_org_at')
    .on('customer_stage_moves')
    .columns(['org_id', 'at'])
    .execute();
  await db.schema
    .createIndex('customer_stage_moves_org_to')
    .on('customer_stage_moves')
    .columns(['org_id', 'to_stage_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_follow_ups_org_happened')
    .on('customer_follow_ups')
    .columns(['org_id', 'happened_at'])
    .execute();
}
