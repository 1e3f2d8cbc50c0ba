/**
 * Reading quick replies and categories: what the actor sees (org-wide plus their own personal
 * ones), filtered by keyword, category and scope; ordered org-wide first, by category order,
 * then by usage or by the title's pinyin.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import { mayManage } from './access.js';
import { type CategoryRow, presentCategory, presentReply, type ReplyRow } from './presenter.js';
import type { ListQuickRepliesInput, QuickReplyOut } from './schemas.js';

type Db = Kysely<Database>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Page cursors are offsets: lists are short and ordered by counts that move, so a keyset would not hold. */
const encodeOffset = (offset: number) => Buffer.from(String(offset), 'utf8').toString('base64url');
function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalid('The cursor is not valid; start again from the first page', { field: 'cursor' });
  }
  return offset;
}

function visibleReplies(db: Db, actor: Actor, input: ListQuickRepliesInput) {
  let query = db
    .selectFrom('quick_replies as r')
    .leftJoin('quick_reply_categories as c', 'c.id', 'r.category_id')
    .where('r.org_id', '=', actor.orgId)
    .where((eb) => eb.or([eb('r.owner_id', 'is', null), eb('r.owner_id', '=', actor.memberId)]));
  if (input.scope === 'org') query = query.where('r.owner_id', 'is', null);
  if (input.scope === 'personal') query = query.where('r.owner_id', '=', actor.memberId);
  if (input.categoryId) query = query.where('r.category_id', '=', input.categoryId);
  const keyword = input.q?.trim().toLowerCase();
  if (keyword) query = query.where(sql<SqlBool>`r.search_text like ${`%${escapeLike(keyword)}%`} escape '\\'`);
  return query;
}

export async function listQuickReplies(ctx: Ctx, actor: Actor, input: ListQuickRepliesInput) {
  const limit = input.limit ?? 50;
  const offset = decodeOffset(input.cursor);
  const base = visibleReplies(ctx.db, actor, input);
  const [rows, total, manage] = await Promise.all([
    base
      .leftJoin('members as cb', 'cb.id', 'r.created_by')
      .leftJoin('members as ub', 'ub.id', 'r.updated_by')
      .selectAll('r')
      .select(['c.name as category_name', 'cb.name as created_by_name', 'ub.name as updated_by_name'])
      .orderBy(sql`case when r.owner_id is null then 0 else 1 end`)
      .orderBy(sql`case when c.id is null then 1 else 0 end`)
      .orderBy('c.sort_order')
      .orderBy('c.name_pinyin')
      .orderBy('r.category_id')
      .$call((q) => (input.sort === 'title' ? q : q.orderBy('r.use_count', 'desc')))
      .orderBy('r.title_pinyin')
      .orderBy('r.id')
      .limit(limit + 1)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    mayManage(ctx, actor),
  ]);
  const page = rows.slice(0, limit) as ReplyRow[];
  return {
    items: page.map((row) => presentReply(row, actor, manage)),
    total: Number(total.n),
    nextCursor: rows.length > limit ? encodeOffset(offset + limit) : null,
  };
}

/** One reply the actor can see, presented. */
export async function getQuickReply(ctx: Ctx, actor: Actor, id: string): Promise<QuickReplyOut> {
  const row = await ctx.db
    .selectFrom('quick_replies as r')
    .leftJoin('quick_reply_categories as c', 'c.id', 'r.category_id')
    .leftJoin('members as cb', 'cb.id', 'r.created_by')
    .leftJoin('members as ub', 'ub.id', 'r.updated_by')
    .selectAll('r')
    .select(['c.name as category_name', 'cb.name as created_by_name', 'ub.name as updated_by_name'])
    .where('r.org_id', '=', actor.orgId)
    .where('r.id', '=', id)
    .where((eb) => eb.or([eb('r.owner_id', 'is', null), eb('r.owner_id', '=', actor.memberId)]))
    .executeTakeFirstOrThrow();
  return presentReply(row as ReplyRow, actor, await mayManage(ctx, actor));
}

/** The org's categories then the actor's personal ones, each in their order, with reply counts. */
export async function listCategories(ctx: Ctx, actor: Actor) {
  const [rows, manage] = await Promise.all([
    ctx.db
      .selectFrom('quick_reply_categories as c')
      .leftJoin('quick_replies as r', 'r.category_id', 'c.id')
      .select(['c.id', 'c.name', 'c.owner_id', 'c.sort_order'])
      .select((eb) => eb.fn.count<string | number>('r.id').as('reply_count'))
      .where('c.org_id', '=', actor.orgId)
      .where((eb) => eb.or([eb('c.owner_id', 'is', null), eb('c.owner_id', '=', actor.memberId)]))
      .groupBy(['c.id', 'c.name', 'c.owner_id', 'c.sort_order', 'c.name_pinyin'])
      .orderBy(sql`case when c.owner_id is null then 0 else 1 end`)
      .orderBy('c.sort_order')
      .orderBy('c.name_pinyin')
      .orderBy('c.id')
      .execute(),
    mayManage(ctx, actor),
  ]);
  return { items: rows.map((row) => presentCategory(row as CategoryRow, manage)) };
}
