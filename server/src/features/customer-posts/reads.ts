/** Posts for colleagues: the list (newest first, by status, own only) and one post with its likes and comments. */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { CustomerPostTable } from '../../platform/db/customer-post-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { decodeCursor, encodeCursor } from '../customers/index.js';
import { loadVisiblePost, type PostPowers, powersOf } from './post-access.js';
import { type PostFacts, presentComment, presentPost } from './presenter.js';
import type { ListPostsInput, PostDetailOut, PostSummaryOut } from './schemas.js';

type Db = Kysely<Database>;

async function countBy(
  db: Db,
  table: 'customer_post_audience' | 'customer_post_likes',
  postIds: string[],
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(table)
    .select((eb) => ['post_id', eb.fn.countAll<string | number>().as('n')])
    .where('post_id', 'in', postIds)
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

async function factsOf(db: Db, orgId: string, posts: CustomerPostTable[]): Promise<PostFacts> {
  const postIds = posts.map((p) => p.id);
  if (postIds.length === 0) {
    return { names: new Map(), tags: new Map(), audience: new Map(), likes: new Map(), comments: new Map() };
  }
  const memberIds = [...new Set(posts.flatMap((p) => (p.reviewer_id ? [p.author_id, p.reviewer_id] : [p.author_id])))];
  const tagIds = [
    ...new Set(posts.flatMap((p) => [p.tags_all, p.tags_any, p.tags_none].flatMap((t) => JSON.parse(t) as string[]))),
  ];
  const [members, tags, audience, likes, comments] = await Promise.all([
    db.selectFrom('members').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', memberIds).execute(),
    tagIds.length > 0
      ? db
          .selectFrom('customer_tags')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', tagIds)
          .execute()
      : Promise.resolve([]),
    countBy(db, 'customer_post_audience', postIds),
    countBy(db, 'customer_post_likes', postIds),
    db
      .selectFrom('customer_post_comments')
      .select((eb) => ['post_id', eb.fn.countAll<string | number>().as('n')])
      .where('post_id', 'in', postIds)
      .where('deleted_at', 'is', null)
      .groupBy('post_id')
      .execute(),
  ]);
  return {
    names: new Map(members.map((m) => [m.id, m.name])),
    tags: new Map(tags.map((t) => [t.id, t.name])),
    audience,
    likes,
    comments: new Map(comments.map((c) => [c.post_id, Number(c.n)])),
  };
}

export async function listPosts(
  ctx: Ctx,
  actor: Actor,
  input: ListPostsInput,
): Promise<{ items: PostSummaryOut[]; nextCursor: string | null }> {
  const powers: PostPowers = await powersOf(ctx, actor);
  const limit = input.limit ?? 20;
  let query = ctx.db.selectFrom('customer_posts').selectAll().where('org_id', '=', actor.orgId);
  if (!powers.review) {
    query = query.where((eb) =>
      eb.or([eb('author_id', '=', actor.memberId), ...(powers.publishOrg ? [eb('kind', '=', 'org')] : [])]),
    );
  }
  if (input.mine) query = query.where('author_id', '=', actor.memberId);
  query = input.status ? query.where('status', '=', input.status) : query.where('status', '!=', 'deleted');
  if (input.cursor) {
    const { key, id } = decodeCursor(input.cursor);
    query = query.where(sql<SqlBool>`(created_at < ${key} or (created_at = ${key} and id < ${id}))`);
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const facts = await factsOf(ctx.db, actor.orgId, page);
  const last = page.at(-1);
  return {
    items: page.map((p) => presentPost(p, actor, powers, facts)),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.created_at, id: last.id }) : null,
  };
}

export async function getPost(ctx: Ctx, actor: Actor, id: string): Promise<PostDetailOut> {
  const { post, powers } = await loadVisiblePost(ctx, ctx.db, actor, id);
  const [facts, likes, comments] = await Promise.all([
    factsOf(ctx.db, actor.orgId, [post]),
    ctx.db
      .selectFrom('customer_post_likes as l')
      .innerJoin('customers as c', 'c.id', 'l.customer_id')
      .select(['c.id', 'c.name'])
      .where('l.org_id', '=', actor.orgId)
      .where('l.post_id', '=', id)
      .orderBy('l.created_at')
      .execute(),
    ctx.db
      .selectFrom('customer_post_comments')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('post_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return { ...presentPost(post, actor, powers, facts), likes, comments: comments.map(presentComment) };
}
