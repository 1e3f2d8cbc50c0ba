/**
 * Images and files sent in messages. The bytes live in the blob store under their SHA-256;
 * a row says who uploaded them to which conversation and, once sent, which message claimed them.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('uploader_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_conversation')
    .on('attachments')
    .columns(['org_id', 'conversation_id'])
    .execute();
  await db.schema.createIndex('attachments_sha256').on('attachments').column('sha256').execute();
  // One attachment per message: a message claims its attachment once.
  await db.schema.createIndex('attachments_message').unique().on('attachments').column('message_id').execute();
}
