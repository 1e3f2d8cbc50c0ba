/**
 * Reviewing a waiting post (`customer_post.review`): approving writes its audience and
 * publishes it; rejecting keeps it from customers with the reason. Either is audited and the
 * author is told. A post reviewed meanwhile answers 409.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import type { CustomerPostTable } from '../../../platform/db/customer-post-tables.js';
import { conflict } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisiblePost } from '../post-access.js';
import { notifyAuthor } from './post-notices.js';
import { auditTarget, writeAudience } from './publish-post.js';

async function waitingPost(ctx: Ctx, actor: Actor, id: string): Promise<CustomerPostTable> {
  await assertMay(ctx, actor, 'customer_post.review');
  const { post } = await loadVisiblePost(ctx, ctx.db, actor, id);
  if (post.status !== 'pending_review') {
    throw conflict(`The post is ${post.status}, not waiting for review`, {
      reason: 'not_pending',
      status: post.status,
    });
  }
  return post;
}

const notPending = () => conflict('The post has just been reviewed', { reason: 'not_pending' });

export async function approvePost(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const post = await waitingPost(ctx, actor, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('customer_posts')
      .set({ status: 'published', reviewer_id: actor.memberId, reviewed_at: now, published_at: now, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', '=', 'pending_review')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw notPending();
    const audience = await writeAudience(ctx, tx, actor, post, now);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer_post.approved',
      target: auditTarget(post),
      after: { authorId: post.author_id, audience },
    });
  });
  await notifyAuthor(ctx, post, 'approved', null);
}

export async function rejectPost(ctx: Ctx, actor: Actor, id: string, reason: string): Promise<void> {
  const post = await waitingPost(ctx, actor, id);
  const why = reason.trim();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('customer_posts')
      .set({ status: 'rejected', reviewer_id: actor.memberId, review_reason: why, reviewed_at: now, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', '=', 'pending_review')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw notPending();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer_post.rejected',
      target: auditTarget(post),
      after: { authorId: post.author_id, reason: why },
    });
  });
  await notifyAuthor(ctx, post, 'rejected', why);
}
