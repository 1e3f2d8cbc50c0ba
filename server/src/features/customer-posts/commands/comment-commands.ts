/**
 * Reactions on a post. A customer likes (idempotent), unlikes and comments from their page; a
 * colleague who sees the post answers a customer's comment. Comments are at most 500
 * characters and pass the blocking sensitive rules; the post's author is told of each customer
 * comment.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { postForGuest } from '../guest-access.js';
import { loadVisiblePost } from '../post-access.js';
import { assertNotBlocked, commentText } from '../post-content.js';
import { notifyCommented } from './post-notices.js';

export async function likePost(ctx: Ctx, actor: Actor, postId: string): Promise<void> {
  const { customerId } = await postForGuest(ctx, actor, postId);
  await ctx.db
    .insertInto('customer_post_likes')
    .values({
      post_id: postId,
      customer_id: customerId,
      org_id: actor.orgId,
      created_at: ctx.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.columns(['post_id', 'customer_id']).doNothing())
    .execute();
}

export async function unlikePost(ctx: Ctx, actor: Actor, postId: string): Promise<void> {
  const { customerId } = await postForGuest(ctx, actor, postId);
  await ctx.db
    .deleteFrom('customer_post_likes')
    .where('org_id', '=', actor.orgId)
    .where('post_id', '=', postId)
    .where('customer_id', '=', customerId)
    .execute();
}

export async function commentAsCustomer(ctx: Ctx, actor: Actor, postId: string, text: string): Promise<string> {
  const { post, customerId } = await postForGuest(ctx, actor, postId);
  const body = commentText(text);
  await assertNotBlocked(ctx, actor.orgId, body, 'comment');
  const id = ctx.ids.next();
  await ctx.db
    .insertInto('customer_post_comments')
    .values({
      id,
      org_id: actor.orgId,
      post_id: postId,
      customer_id: customerId,
      member_id: null,
      author_name: actor.name,
      reply_to_id: null,
      body,
      created_at: ctx.clock.now().toISOString(),
      deleted_at: null,
    })
    .execute();
  await notifyCommented(ctx, post, { id, customerName: actor.name, text: body });
  return id;
}

export async function replyToComment(
  ctx: Ctx,
  actor: Actor,
  postId: string,
  input: { text: string; replyToId: string },
): Promise<string> {
  const { post } = await loadVisiblePost(ctx, ctx.db, actor, postId);
  if (post.status !== 'published') throw conflict('Only a published post has comments', { reason: 'not_published' });
  const to = await ctx.db
    .selectFrom('customer_post_comments')
    .select(['id', 'customer_id'])
    .where('org_id', '=', actor.orgId)
    .where('post_id', '=', postId)
    .where('id', '=', input.replyToId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!to?.customer_id) throw invalid('Answer a customer’s comment on this post', { field: 'replyToId' });
  const body = commentText(input.text);
  await assertNotBlocked(ctx, actor.orgId, body, 'comment');
  const id = ctx.ids.next();
  await ctx.db
    .insertInto('customer_post_comments')
    .values({
      id,
      org_id: actor.orgId,
      post_id: postId,
      customer_id: null,
      member_id: actor.memberId,
      author_name: actor.name,
      reply_to_id: to.id,
      body,
      created_at: ctx.clock.now().toISOString(),
      deleted_at: null,
    })
    .execute();
  return id;
}
