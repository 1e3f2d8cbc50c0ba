/**
 * The customer's page: published posts addressed to them (newest first, keyset pages) with their
 * like and their own comments and the replies to them, and the customer groups they are in
 * (joined under the same verified email as this session's).
 */
import { type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { CustomerPostTable } from '../../platform/db/customer-post-tables.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../customers/index.js';
import { customerIdsOfGuest } from './guest-access.js';
import { presentGuestPost } from './presenter.js';
import type { GuestPostOut } from './schemas.js';

const byPinyin = new Intl.Collator('zh-CN');

type FeedRow = CustomerPostTable & { author_name: string; feed_at: string };

/** The page's posts as this customer sees them: like count, their like, their comments and replies. */
async function presentForGuest(
  ctx: Ctx,
  actor: Actor,
  customerIds: string[],
  page: FeedRow[],
): Promise<GuestPostOut[]> {
  if (page.length === 0) return [];
  const postIds = page.map((p) => p.id);
  const [org, likes, comments] = await Promise.all([
    ctx.db.selectFrom('orgs').select('name').where('id', '=', actor.orgId).executeTakeFirst(),
    ctx.db
      .selectFrom('customer_post_likes')
      .select(['post_id', 'customer_id'])
      .where('org_id', '=', actor.orgId)
      .where('post_id', 'in', postIds)
      .execute(),
    ctx.db
      .selectFrom('customer_post_comments as c')
      .selectAll('c')
      .where('c.org_id', '=', actor.orgId)
      .where('c.post_id', 'in', postIds)
      .where('c.deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('c.customer_id', 'in', customerIds),
          eb(
            'c.reply_to_id',
            'in',
            eb.selectFrom('customer_post_comments as o').select('o.id').where('o.customer_id', 'in', customerIds),
          ),
        ]),
      )
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute(),
  ]);
  return page.map((p) => {
    const { author_name, feed_at: _at, ...post } = p;
    const ofPost = likes.filter((l) => l.post_id === p.id);
    return presentGuestPost(
      post,
      p.kind === 'org' ? (org?.name ?? '') : author_name,
      { count: ofPost.length, mine: ofPost.some((l) => customerIds.includes(l.customer_id)) },
      comments.filter((c) => c.post_id === p.id),
    );
  });
}

function feedQuery(ctx: Ctx, actor: Actor, customerIds: string[]) {
  return ctx.db
    .selectFrom('customer_post_audience as a')
    .innerJoin('customer_posts as p', 'p.id', 'a.post_id')
    .innerJoin('members as m', 'm.id', 'p.author_id')
    .selectAll('p')
    .select(['m.name as author_name', 'a.published_at as feed_at'])
    .distinct()
    .where('a.org_id', '=', actor.orgId)
    .where('a.customer_id', 'in', customerIds)
    .where('p.status', '=', 'published');
}

/** One post as the customer sees it (after a like or a comment); 404 unless addressed to them. */
export async function guestPost(ctx: Ctx, actor: Actor, id: string): Promise<GuestPostOut> {
  const customerIds = await customerIdsOfGuest(ctx, actor);
  const rows = customerIds.length > 0 ? await feedQuery(ctx, actor, customerIds).where('p.id', '=', id).execute() : [];
  const [item] = await presentForGuest(ctx, actor, customerIds, rows.slice(0, 1));
  if (!item) throw notFound('post');
  return item;
}

export async function guestFeed(
  ctx: Ctx,
  actor: Actor,
  input: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: GuestPostOut[]; nextCursor: string | null }> {
  const customerIds = await customerIdsOfGuest(ctx, actor);
  if (customerIds.length === 0) return { items: [], nextCursor: null };
  const limit = input.limit ?? 20;
  let query = feedQuery(ctx, actor, customerIds);
  if (input.cursor) {
    const { key, id } = decodeCursor(input.cursor);
    query = query.where(sql<SqlBool>`(a.published_at < ${key} or (a.published_at = ${key} and p.id < ${id}))`);
  }
  const rows = await query
    .orderBy('a.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items = await presentForGuest(ctx, actor, customerIds, page);
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.feed_at, id: last.id }) : null,
  };
}

export async function guestGroups(ctx: Ctx, actor: Actor) {
  const identity = await ctx.db
    .selectFrom('guest_identities')
    .select('email')
    .where('org_id', '=', actor.orgId)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (!identity) return { items: [] };
  const rows = await ctx.db
    .selectFrom('customer_groups as g')
    .innerJoin('conversations as c', 'c.id', 'g.conversation_id')
    .innerJoin('conversation_members as cm', 'cm.conversation_id', 'g.conversation_id')
    .innerJoin('guest_identities as gi', (j) => j.onRef('gi.member_id', '=', 'cm.member_id'))
    .leftJoin('members as o', 'o.id', 'c.owner_id')
    .select(['c.id', 'c.name', 'c.owner_id', 'o.name as owner_name'])
    .distinct()
    .where('g.org_id', '=', actor.orgId)
    .where('gi.org_id', '=', actor.orgId)
    .where('gi.email', '=', identity.email)
    .where('c.status', '=', 'active')
    .execute();
  const counts =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('conversation_members')
          .select((eb) => ['conversation_id', eb.fn.countAll<string | number>().as('n')])
          .where('org_id', '=', actor.orgId)
          .where(
            'conversation_id',
            'in',
            rows.map((r) => r.id),
          )
          .groupBy('conversation_id')
          .execute();
  const countOf = new Map(counts.map((c) => [c.conversation_id, Number(c.n)]));
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name ?? '',
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    memberCount: countOf.get(r.id) ?? 0,
  }));
  return { items: items.sort((a, b) => byPinyin.compare(a.name, b.name)) };
}
