/**
 * Posts to customers (客户朋友圈): a member's or the org's post (text, up to 9 images, a link)
 * to the customers a tag filter picks; the audience is written once at publication; customers
 * like and comment from their browser page. Orgs may require review before a post goes out.
 * Built-in owner and admin roles of existing orgs get the new permissions as new orgs' do.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('customer_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('image_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('link_url', 'text')
    .addColumn('link_title', 'text')
    .addColumn('tags_all', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags_any', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags_none', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.references('members.id'))
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_posts_org_status')
    .on('customer_posts')
    .columns(['org_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('customer_posts_author')
    .on('customer_posts')
    .columns(['org_id', 'author_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('customer_post_audience')
    .addColumn('post_id', 'text', (c) => c.notNull().references('customer_posts.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_post_audience_pk', ['post_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_post_audience_customer')
    .on('customer_post_audience')
    .columns(['org_id', 'customer_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('customer_post_likes')
    .addColumn('post_id', 'text', (c) => c.notNull().references('customer_posts.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_post_likes_pk', ['post_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('customer_post_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('customer_posts.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('reply_to_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('customer_post_comments_post')
    .on('customer_post_comments')
    .columns(['post_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('customer_post_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('uploader_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('post_id', 'text', (c) => c.references('customer_posts.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_post_images_post').on('customer_post_images').columns(['post_id']).execute();

  await db.schema
    .createTable('customer_post_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('review_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('members.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await sql`insert into role_permissions (org_id, role_id, permission)
    select r.org_id, r.id, p.permission from roles r
    cross join (select 'customer_post.publish_org' as permission union all select 'customer_post.review') p
    where r.builtin_key in ('owner', 'admin')`.execute(db);
}
