/**
 * Customer assets: customers (owned by the org, served by a member and co-followers), tag groups
 * and tags, the stage pipeline with its history, follow-ups, and custom fields. Built-in roles
 * of existing orgs get the new customer permissions as new orgs do.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('email', 'text')
    .addColumn('gender', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('region', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('remark', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('stage_id', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .addColumn('merged_into_id', 'text')
    .execute();
  await db.schema
    .createIndex('customers_org_pinyin')
    .on('customers')
    .columns(['org_id', 'name_pinyin', 'id'])
    .execute();
  await db.schema
    .createIndex('customers_org_updated')
    .on('customers')
    .columns(['org_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('customers_org_owner').on('customers').columns(['org_id', 'owner_id']).execute();
  await db.schema.createIndex('customers_org_mobile').on('customers').columns(['org_id', 'mobile']).execute();
  await db.schema.createIndex('customers_org_email').on('customers').columns(['org_id', 'email']).execute();
  await db.schema.createIndex('customers_org_stage').on('customers').columns(['org_id', 'stage_id']).execute();

  await db.schema
    .createTable('customer_followers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_followers_pk', ['customer_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('customer_followers_member')
    .on('customer_followers')
    .columns(['org_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('customer_tag_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_tag_groups_org')
    .on('customer_tag_groups')
    .columns(['org_id', 'owner_id'])
    .execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('customer_tag_groups.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_tags_group').on('customer_tags').columns(['org_id', 'group_id']).execute();

  await db.schema
    .createTable('customer_tag_links')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('customer_tags.id'))
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tag_links_pk', ['customer_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('customer_tag_links_tag')
    .on('customer_tag_links')
    .columns(['org_id', 'tag_id'])
    .execute();

  await db.schema
    .createTable('customer_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_stages_org').on('customer_stages').columns(['org_id', 'sort_order']).execute();

  await db.schema
    .createTable('customer_stage_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('from_stage_id', 'text')
    .addColumn('from_name', 'text')
    .addColumn('to_stage_id', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_stage_moves_customer')
    .on('customer_stage_moves')
    .columns(['org_id', 'customer_id', 'id'])
    .execute();

  await db.schema
    .createTable('customer_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_fields_org').on('customer_fields').columns(['org_id', 'sort_order']).execute();

  await db.schema
    .createTable('customer_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('happened_at', 'text', (c) => c.notNull())
    .addColumn('next_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_follow_ups_customer')
    .on('customer_follow_ups')
    .columns(['org_id', 'customer_id', 'happened_at'])
    .execute();

  await db.schema
    .createTable('customer_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Built-in roles of existing orgs get what new orgs' built-in roles get.
  const grants: [string, string[]][] = [
    ['customer.serve', ['owner', 'admin', 'supervisor', 'member']],
    ['customer.view', ['owner', 'admin', 'supervisor']],
    ['customer.manage', ['owner', 'admin']],
  ];
  for (const [permission, roles] of grants) {
    await sql`insert into role_permissions (org_id, role_id, permission)
      select org_id, id, ${permission} from roles where builtin_key in (${sql.join(roles)})`.execute(db);
  }
}
