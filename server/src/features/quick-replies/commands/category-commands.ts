/**
 * Quick-reply categories: create, rename or reorder, delete. Org-wide ones need
 * quick_reply.manage and are audited; a category that still holds replies is not deleted
 * (409 `category_not_empty`), so no reply is moved or lost without the user choosing.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, DomainError, invalid } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import { assertMayWrite, loadCategory, ownerFor } from '../access.js';
import type { CreateCategoryInput, UpdateCategoryInput } from '../schemas.js';

type Db = Kysely<Database>;

async function assertNameFree(db: Db, actor: Actor, ownerId: string | null, name: string, exceptId: string | null) {
  let query = db
    .selectFrom('quick_reply_categories')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('name', '=', name);
  query = ownerId === null ? query.where('owner_id', 'is', null) : query.where('owner_id', '=', ownerId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw conflict('A category with this name already exists', { field: 'name' });
}

function auditOrgCategory(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  db: Db,
  actor: Actor,
  category: { id: string; name: string },
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return recordAudit(ctx, db, {
    orgId: actor.orgId,
    who: actor,
    action: 'quick_reply_category.changed',
    target: { type: 'quick_reply_category', id: category.id, label: category.name },
    ...change,
  });
}

export async function createCategory(ctx: Ctx, actor: Actor, input: CreateCategoryInput): Promise<string> {
  const ownerId = ownerFor(actor, input.scope);
  await assertMayWrite(ctx, actor, ownerId);
  const name = input.name.trim();
  if (!name) throw invalid('The category needs a name', { field: 'name' });
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await assertNameFree(tx, actor, ownerId, name, null);
    await tx
      .insertInto('quick_reply_categories')
      .values({
        id,
        org_id: actor.orgId,
        owner_id: ownerId,
        name,
        name_pinyin: pinyinKeys(name).pinyin,
        sort_order: input.sortOrder ?? 0,
        created_by: actor.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (ownerId === null) await auditOrgCategory(ctx, tx, actor, { id, name }, { after: { created: { name } } });
  });
  return id;
}

export async function updateCategory(ctx: Ctx, actor: Actor, id: string, input: UpdateCategoryInput): Promise<void> {
  const category = await loadCategory(ctx.db, actor, id);
  // Checked before the transaction, so a refusal's audit entry is kept.
  await assertMayWrite(ctx, actor, category.owner_id);
  const name = input.name?.trim() || category.name;
  const sortOrder = input.sortOrder ?? category.sort_order;
  await ctx.db.transaction().execute(async (tx) => {
    if (name !== category.name) await assertNameFree(tx, actor, category.owner_id, name, id);
    await tx
      .updateTable('quick_reply_categories')
      .set({
        name,
        name_pinyin: pinyinKeys(name).pinyin,
        sort_order: sortOrder,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    if (category.owner_id === null) {
      await auditOrgCategory(
        ctx,
        tx,
        actor,
        { id, name },
        { before: { name: category.name, sortOrder: category.sort_order }, after: { name, sortOrder } },
      );
    }
  });
}

export async function deleteCategory(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const category = await loadCategory(ctx.db, actor, id);
  await assertMayWrite(ctx, actor, category.owner_id);
  await ctx.db.transaction().execute(async (tx) => {
    const held = await tx
      .selectFrom('quick_replies')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('org_id', '=', actor.orgId)
      .where('category_id', '=', id)
      .executeTakeFirstOrThrow();
    const replies = Number(held.n);
    if (replies > 0) {
      throw new DomainError(
        'category_not_empty',
        `The category still holds ${replies} replies; move or delete them first`,
        { replies },
      );
    }
    await tx.deleteFrom('quick_reply_categories').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    if (category.owner_id === null) {
      await auditOrgCategory(ctx, tx, actor, category, { before: { name: category.name }, after: { deleted: true } });
    }
  });
}
