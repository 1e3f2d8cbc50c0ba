/**
 * External participants (guests) of external groups. A guest is a `members` row of kind
 * `guest` that belongs to exactly one conversation, so every messaging rule (membership,
 * read cursors, senders, the realtime gateway) applies to guests unchanged, and a guest
 * session can reach nothing beyond that group. Their verified email lives beside the row, not
 * in `members.email` (that column is the staff sign-in address and unique across orgs).
 * One-time email codes are stored hashed with their attempts.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('members')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('staff'))
    .execute();

  await db.schema
    .createTable('guest_identities')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('invite_id', 'text', (c) => c.references('conversation_invites.id'))
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One guest per email per group: joining again signs the same guest in.
  await db.schema
    .createIndex('guest_identities_conversation_email')
    .unique()
    .on('guest_identities')
    .columns(['conversation_id', 'email'])
    .execute();
  await db.schema
    .createIndex('guest_identities_org_email')
    .on('guest_identities')
    .columns(['org_id', 'email'])
    .execute();

  await db.schema
    .createTable('email_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('consumed_at', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_codes_subject_email')
    .on('email_codes')
    .columns(['purpose', 'subject_id', 'email', 'created_at'])
    .execute();
  await db.schema.createIndex('email_codes_email').on('email_codes').columns(['email', 'created_at']).execute();
  await db.schema.createIndex('email_codes_ip').on('email_codes').columns(['ip', 'created_at']).execute();
}
