/**
 * Who a post goes to. A member's post reaches the customers they own or co-follow; an org post
 * every customer of the org; both narrowed by the tag filter (all of / any of / none of), the
 * customer list's own filter and query, so "customers tagged X" means the same everywhere.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { CustomerPostKind } from '../../platform/db/customer-post-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { checkedFilter, listCustomerRows, type Viewer } from '../customers/index.js';

export type TagFilter = { tagsAll: string[]; tagsAny: string[]; tagsNone: string[] };

const PAGE = 1000;

/** The customers a post of this kind by this author reaches: own and co-followed, or the whole org. */
function audienceViewer(actor: Actor, authorId: string, kind: CustomerPostKind): Viewer {
  return {
    actor,
    orgId: actor.orgId,
    memberId: authorId,
    serve: kind === 'member',
    view: kind === 'org' ? { all: true } : null,
    contact: null,
    remove: null,
    manage: false,
  };
}

/** The filter checked for the author: every tag must be one the author can see (org or their own). */
export async function checkedTagFilter(
  ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>,
  actor: Actor,
  kind: CustomerPostKind,
  tags: TagFilter,
): Promise<TagFilter> {
  const viewer = audienceViewer(actor, actor.memberId, kind);
  const checked = await checkedFilter(ctx, viewer, tags);
  return { tagsAll: [...checked.tagsAll], tagsAny: [...checked.tagsAny], tagsNone: [...checked.tagsNone] };
}

/** Every customer the post reaches now, page by page through the customer list query. */
export async function audienceOf(
  db: Kysely<Database>,
  dialect: Ctx['dialect'],
  actor: Actor,
  post: { author_id: string; kind: CustomerPostKind },
  tags: TagFilter,
): Promise<string[]> {
  const viewer = audienceViewer(actor, post.author_id, post.kind);
  const ids: string[] = [];
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const rows = await listCustomerRows(db, dialect, viewer, {
      deleted: false,
      deletedSince: null,
      alsoReach: null,
      ...tags,
      partialMobile: false,
      sort: 'pinyin',
      after,
      limit: PAGE,
    });
    ids.push(...rows.map((r) => r.id));
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return ids;
    after = { key: last.name_pinyin, id: last.id };
  }
}
