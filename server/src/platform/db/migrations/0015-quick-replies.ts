/**
 * Quick replies (话术库): categories and reply snippets, each org-wide (owner null) or personal
 * to one member, with usage counts. Built-in owner and admin roles of existing orgs get
 * `quick_reply.manage` as new orgs' do.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('quick_reply_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quick_reply_categories_org')
    .on('quick_reply_categories')
    .columns(['org_id', 'owner_id'])
    .execute();

  await db.schema
    .createTable('quick_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('category_id', 'text', (c) => c.references('quick_reply_categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_pinyin', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_used_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quick_replies_org_owner')
    .on('quick_replies')
    .columns(['org_id', 'owner_id', 'category_id'])
    .execute();
  await db.schema.createIndex('quick_replies_category').on('quick_replies').columns(['category_id']).execute();

  await sql`insert into role_permissions (org_id, role_id, permission)
    select org_id, id, 'quick_reply.manage' from roles where builtin_key in ('owner', 'admin')`.execute(db);
}
