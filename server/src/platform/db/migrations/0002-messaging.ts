/**
 * Conversations, their members, messages and the per-conversation event log. Every change to a
 * conversation (a message sent, edited or recalled, a member added…) is one row of
 * `conversation_events` with the next `seq` of that conversation: clients resume from the last
 * seq they saw and receive every later event exactly once, in order.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('announcement', 'text')
    .addColumn('announcement_at', 'text')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('member_limit', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('direct_key', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('dissolved_at', 'text')
    .execute();
  // One direct conversation per pair of members.
  await db.schema
    .createIndex('conversations_direct_key')
    .unique()
    .on('conversations')
    .columns(['org_id', 'direct_key'])
    .execute();

  await db.schema
    .createTable('conversation_members')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('conversation_members_pk', ['conversation_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('conversation_members_member')
    .on('conversation_members')
    .columns(['org_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sender_id', 'text', (c) => c.references('members.id'))
    .addColumn('client_msg_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('mention_all', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_to_id', 'text', (c) => c.references('messages.id'))
    .addColumn('attachment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('recalled_at', 'text')
    .execute();
  await db.schema
    .createIndex('messages_conv_seq')
    .unique()
    .on('messages')
    .columns(['conversation_id', 'seq'])
    .execute();
  // A retried send with the same client message id finds the stored message instead of a copy.
  await db.schema
    .createIndex('messages_client_id')
    .unique()
    .on('messages')
    .columns(['conversation_id', 'sender_id', 'client_msg_id'])
    .execute();

  await db.schema
    .createTable('message_hides')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('message_hides_pk', ['message_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('conversation_events')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_events_pk', ['conversation_id', 'seq'])
    .execute();

  await db.schema
    .createTable('conversation_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('expires_at', 'text')
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
