/**
 * Writing a post: a member's post to their own customers (`customer.serve`) or an org post to
 * every customer the filter picks (`customer_post.publish_org`). Text and link title pass the
 * blocking sensitive rules. When the org requires review the post waits and reviewers are told;
 * otherwise its audience is written at once. Post, images, audience and audit entry are one
 * transaction.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import type { CustomerPostTable } from '../../../platform/db/customer-post-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { audienceOf, checkedTagFilter, type TagFilter } from '../audience.js';
import { assertNotBlocked, claimableImages } from '../post-content.js';
import type { CreatePostInput } from '../schemas.js';
import { notifyReviewers } from './post-notices.js';
import { reviewRequired } from './post-settings.js';

const AUDIENCE_CHUNK = 500;

/** Writes who the post reaches; returns how many. */
export async function writeAudience(
  ctx: Pick<Ctx, 'dialect'>,
  tx: Kysely<Database>,
  actor: Actor,
  post: CustomerPostTable,
  publishedAt: string,
): Promise<number> {
  const tags: TagFilter = {
    tagsAll: JSON.parse(post.tags_all) as string[],
    tagsAny: JSON.parse(post.tags_any) as string[],
    tagsNone: JSON.parse(post.tags_none) as string[],
  };
  const ids = await audienceOf(tx, ctx.dialect, actor, post, tags);
  for (let i = 0; i < ids.length; i += AUDIENCE_CHUNK) {
    await tx
      .insertInto('customer_post_audience')
      .values(
        ids.slice(i, i + AUDIENCE_CHUNK).map((customerId) => ({
          post_id: post.id,
          customer_id: customerId,
          org_id: post.org_id,
          published_at: publishedAt,
        })),
      )
      .execute();
  }
  return ids.length;
}

export const auditTarget = (post: Pick<CustomerPostTable, 'id' | 'body'>) => ({
  type: 'customer_post',
  id: post.id,
  label: post.body.slice(0, 50),
});

export async function publishPost(ctx: Ctx, actor: Actor, input: CreatePostInput): Promise<string> {
  await assertMay(ctx, actor, input.kind === 'org' ? 'customer_post.publish_org' : 'customer.serve');
  const text = input.text.trim();
  const imageIds = await claimableImages(ctx.db, actor, input.imageIds ?? []);
  const url = input.link?.url.trim() ?? null;
  const linkTitle = input.link?.title?.trim() || null;
  if (!text && imageIds.length === 0 && !url) {
    throw invalid('A post needs text, an image or a link', { field: 'text', reason: 'empty' });
  }
  await assertNotBlocked(ctx, actor.orgId, [text, linkTitle ?? ''].join('\n').trim(), 'post');
  const tags = await checkedTagFilter(ctx, actor, input.kind, {
    tagsAll: input.tagsAll ?? [],
    tagsAny: input.tagsAny ?? [],
    tagsNone: input.tagsNone ?? [],
  });
  const waits = await reviewRequired(ctx.db, actor.orgId);
  const now = ctx.clock.now().toISOString();
  const post: CustomerPostTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    author_id: actor.memberId,
    kind: input.kind,
    body: text,
    image_ids: JSON.stringify(imageIds),
    link_url: url,
    link_title: url ? linkTitle : null,
    tags_all: JSON.stringify(tags.tagsAll),
    tags_any: JSON.stringify(tags.tagsAny),
    tags_none: JSON.stringify(tags.tagsNone),
    status: waits ? 'pending_review' : 'published',
    reviewer_id: null,
    review_reason: null,
    reviewed_at: null,
    published_at: waits ? null : now,
    deleted_at: null,
    deleted_by: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('customer_posts').values(post).execute();
    if (imageIds.length > 0) {
      const claimed = await tx
        .updateTable('customer_post_images')
        .set({ post_id: post.id })
        .where('org_id', '=', actor.orgId)
        .where('id', 'in', imageIds)
        .where('post_id', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== imageIds.length) {
        throw invalid('An image is already in another post', { field: 'imageIds', reason: 'unknown_image' });
      }
    }
    const audience = waits ? null : await writeAudience(ctx, tx, actor, post, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: waits ? 'customer_post.submitted' : 'customer_post.published',
      target: auditTarget(post),
      after: { kind: post.kind, text, imageIds, link: url, ...tags, audience },
    });
  });
  if (waits) await notifyReviewers(ctx, post);
  return post.id;
}
