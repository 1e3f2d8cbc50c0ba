/**
 * What a customer reaches from their browser page (a guest session from a contact-me link):
 * the customers linked to that chat, and the published posts addressed to one of them. Any
 * other post, of this org or another, answers 404.
 */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { CustomerPostTable } from '../../platform/db/customer-post-tables.js';
import { notFound } from '../../platform/errors.js';
import { customerIdsOfGuest } from '../customers/index.js';

export { customerIdsOfGuest };

/** The post and the customer (of this guest) it was addressed to. */
export async function postForGuest(
  ctx: Ctx,
  actor: Actor,
  postId: string,
): Promise<{ post: CustomerPostTable; customerId: string }> {
  const customerIds = await customerIdsOfGuest(ctx, actor);
  if (customerIds.length === 0) throw notFound('post');
  const row = await ctx.db
    .selectFrom('customer_post_audience as a')
    .innerJoin('customer_posts as p', 'p.id', 'a.post_id')
    .selectAll('p')
    .select('a.customer_id as audience_customer_id')
    .where('a.org_id', '=', actor.orgId)
    .where('a.post_id', '=', postId)
    .where('a.customer_id', 'in', customerIds)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw notFound('post');
  const { audience_customer_id: customerId, ...post } = row;
  return { post, customerId };
}
