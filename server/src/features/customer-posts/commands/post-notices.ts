/** Telling reviewers a post waits for them, and the author how the review went and what customers say. */
import type { Ctx } from '../../../app/context.js';
import type { CustomerPostTable } from '../../../platform/db/customer-post-tables.js';
import { notify } from '../../notifications/notify.js';

const EXCERPT = 40;
const excerptOf = (post: Pick<CustomerPostTable, 'body'>) => post.body.slice(0, EXCERPT);
const linkOf = (post: Pick<CustomerPostTable, 'id'>) => `/customers/posts?post=${post.id}`;

/** Active colleagues holding customer_post.review, the author aside. */
async function reviewerIds(ctx: Pick<Ctx, 'db'>, post: CustomerPostTable): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('role_permissions as rp')
    .innerJoin('member_roles as mr', (j) =>
      j.onRef('mr.role_id', '=', 'rp.role_id').onRef('mr.org_id', '=', 'rp.org_id'),
    )
    .innerJoin('members as m', 'm.id', 'mr.member_id')
    .select('m.id')
    .distinct()
    .where('rp.org_id', '=', post.org_id)
    .where('rp.permission', '=', 'customer_post.review')
    .where('m.status', '=', 'active')
    .where('m.kind', '=', 'staff')
    .where('m.id', '!=', post.author_id)
    .execute();
  return rows.map((r) => r.id);
}

export async function notifyReviewers(ctx: Ctx, post: CustomerPostTable): Promise<void> {
  for (const memberId of await reviewerIds(ctx, post)) {
    await notify(ctx, {
      orgId: post.org_id,
      memberId,
      kind: 'post_review_requested',
      data: { postId: post.id, excerpt: excerptOf(post) },
      link: linkOf(post),
      dedupeKey: `post_review:${post.id}`,
    });
  }
}

export async function notifyAuthor(
  ctx: Ctx,
  post: CustomerPostTable,
  outcome: 'approved' | 'rejected',
  reason: string | null,
): Promise<void> {
  await notify(ctx, {
    orgId: post.org_id,
    memberId: post.author_id,
    kind: 'post_reviewed',
    data: { postId: post.id, excerpt: excerptOf(post), outcome, reason },
    link: linkOf(post),
    dedupeKey: `post_reviewed:${post.id}`,
  });
}

/** A customer commented: the post's author hears of it at once, if they still work here. */
export async function notifyCommented(
  ctx: Ctx,
  post: CustomerPostTable,
  comment: { id: string; customerName: string; text: string },
): Promise<void> {
  const author = await ctx.db
    .selectFrom('members')
    .select('status')
    .where('org_id', '=', post.org_id)
    .where('id', '=', post.author_id)
    .executeTakeFirst();
  if (author?.status !== 'active') return;
  await notify(ctx, {
    orgId: post.org_id,
    memberId: post.author_id,
    kind: 'post_commented',
    data: { postId: post.id, customerName: comment.customerName, excerpt: comment.text.slice(0, EXCERPT) },
    link: linkOf(post),
    dedupeKey: `post_comment:${comment.id}`,
  });
}
