/**
 * Files attached to customer follow-ups (a quotation, a visit photo): uploaded first, then
 * claimed by the follow-up they are recorded with. The bytes live in the blob store by hash.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('customer_follow_up_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('follow_up_id', 'text', (c) => c.references('customer_follow_ups.id'))
    .addColumn('uploader_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_follow_up_files_follow_up')
    .on('customer_follow_up_files')
    .columns(['org_id', 'follow_up_id'])
    .execute();
}
