/**
 * Who sees and handles which post. The author sees their posts; holders of
 * `customer_post.review` see every post of the org (they review them); holders of
 * `customer_post.publish_org` see the org's posts. Anyone else, and another org, gets 404.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { may } from '../../authz/may.js';
import type { CustomerPostTable } from '../../platform/db/customer-post-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';

export type PostPowers = { review: boolean; publishOrg: boolean };

export async function powersOf(ctx: Pick<Ctx, 'db'>, actor: Actor): Promise<PostPowers> {
  const [review, publishOrg] = await Promise.all([
    may(ctx, actor, 'customer_post.review'),
    may(ctx, actor, 'customer_post.publish_org'),
  ]);
  return { review, publishOrg };
}

export function seesPost(actor: Actor, powers: PostPowers, post: Pick<CustomerPostTable, 'author_id' | 'kind'>) {
  return powers.review || post.author_id === actor.memberId || (post.kind === 'org' && powers.publishOrg);
}

/** The author, a reviewer, or for an org post a holder of publish_org may delete it. */
export const mayDeletePost = seesPost;

export async function findPost(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<CustomerPostTable | undefined> {
  return db
    .selectFrom('customer_posts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The post if the actor sees it (deleted ones answer 404 too); 404 otherwise. */
export async function loadVisiblePost(
  ctx: Pick<Ctx, 'db'>,
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ post: CustomerPostTable; powers: PostPowers }> {
  const post = await findPost(db, actor.orgId, id);
  const powers = await powersOf(ctx, actor);
  if (!post || post.status === 'deleted' || !seesPost(actor, powers, post)) throw notFound('post');
  return { post, powers };
}
