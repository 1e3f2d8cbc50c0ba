/**
 * Work-group tools: who confirmed reading a group announcement (keyed by the announcement's
 * time, so a new announcement starts over), to-dos made from messages, and messages a member
 * marked for later.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('announcement_confirmations')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('announcement_at', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_confirmations_pk', ['conversation_id', 'announcement_at', 'member_id'])
    .execute();

  await db.schema
    .createTable('todos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('creator_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('due_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One to-do per message and assignee: making the same to-do again returns the first.
  await db.schema
    .createIndex('todos_message_assignee')
    .unique()
    .on('todos')
    .columns(['message_id', 'assignee_id'])
    .execute();
  await db.schema.createIndex('todos_assignee').on('todos').columns(['org_id', 'assignee_id', 'status']).execute();
  await db.schema.createIndex('todos_creator').on('todos').columns(['org_id', 'creator_id', 'status']).execute();

  await db.schema
    .createTable('bookmarks')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bookmarks_pk', ['member_id', 'message_id'])
    .execute();
  await db.schema
    .createIndex('bookmarks_member')
    .on('bookmarks')
    .columns(['org_id', 'member_id', 'created_at'])
    .execute();
}
