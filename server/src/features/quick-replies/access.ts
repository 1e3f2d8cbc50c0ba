/**
 * Who reads and changes what: everyone in the org reads org-wide categories and replies and
 * changes them with `quick_reply.manage`; personal ones are read and changed by their owner only
 * (anyone else gets 404, so ids cannot be probed).
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, may } from '../../authz/may.js';
import type { QuickReplyCategoryTable, QuickReplyTable } from '../../platform/db/quick-reply-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid, notFound } from '../../platform/errors.js';

type Db = Kysely<Database>;
type AccessCtx = Pick<Ctx, 'db' | 'clock' | 'ids'>;

/** The owner a new item of this scope gets: null for org-wide, the actor for personal. */
export const ownerFor = (actor: Actor, scope: 'org' | 'personal'): string | null =>
  scope === 'org' ? null : actor.memberId;

export const scopeOf = (ownerId: string | null): 'org' | 'personal' => (ownerId === null ? 'org' : 'personal');

/** Whether the actor may change org-wide quick replies and categories. */
export const mayManage = (ctx: Pick<Ctx, 'db'>, actor: Actor): Promise<boolean> =>
  may(ctx, actor, 'quick_reply.manage');

/** 403 (audited) for org-wide items without quick_reply.manage; personal items are the actor's own. */
export async function assertMayWrite(ctx: AccessCtx, actor: Actor, ownerId: string | null): Promise<void> {
  if (ownerId === null) await assertMay(ctx, actor, 'quick_reply.manage');
}

/** A category the actor can see (org-wide or their own); 404 otherwise. */
export async function loadCategory(db: Db, actor: Actor, id: string): Promise<QuickReplyCategoryTable> {
  const row = await db
    .selectFrom('quick_reply_categories')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.owner_id !== null && row.owner_id !== actor.memberId)) throw notFound('quick reply category');
  return row;
}

/** A reply the actor can see (org-wide or their own); 404 otherwise. */
export async function loadReply(db: Db, actor: Actor, id: string): Promise<QuickReplyTable> {
  const row = await db
    .selectFrom('quick_replies')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.owner_id !== null && row.owner_id !== actor.memberId)) throw notFound('quick reply');
  return row;
}

/**
 * The category a reply of this owner may go in: null, or a visible category of the same kind
 * (an org reply in an org category, a personal reply in its owner's own).
 */
export async function categoryForReply(
  db: Db,
  actor: Actor,
  ownerId: string | null,
  categoryId: string | null | undefined,
): Promise<QuickReplyCategoryTable | null> {
  if (!categoryId) return null;
  const category = await loadCategory(db, actor, categoryId);
  if (category.owner_id !== ownerId) {
    throw invalid(
      ownerId === null
        ? 'An org-wide reply goes in an org-wide category'
        : 'A personal reply goes in one of your personal categories',
      { field: 'categoryId' },
    );
  }
  return category;
}
