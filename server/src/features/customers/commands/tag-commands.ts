/** Tags inside a group: add, rename or reorder, delete (which takes the tag off every customer). */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { limitExceeded, notFound } from '../../../platform/errors.js';
import { type CreateTagInput, MAX_TAGS_PER_GROUP, type UpdateTagInput } from '../settings-schemas.js';
import { assertTagNameFree, auditTagSettings, loadEditableGroup } from '../tag-group-access.js';
import { customerViewer } from '../viewer.js';

export async function createTag(ctx: Ctx, actor: Actor, groupId: string, input: CreateTagInput): Promise<string> {
  const viewer = await customerViewer(ctx, actor);
  const name = input.name.trim();
  const id = ctx.ids.next();
  // Checked before the transaction, so a refusal's audit entry is kept.
  const group = await loadEditableGroup(ctx, ctx.db, viewer, groupId);
  await ctx.db.transaction().execute(async (tx) => {
    await assertTagNameFree(tx, actor.orgId, groupId, name, null);
    const count = await tx
      .selectFrom('customer_tags')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', actor.orgId)
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    const n = Number(count?.n ?? 0);
    if (n >= MAX_TAGS_PER_GROUP) {
      throw limitExceeded(`A tag group holds at most ${MAX_TAGS_PER_GROUP} tags`, { max: MAX_TAGS_PER_GROUP });
    }
    await tx
      .insertInto('customer_tags')
      .values({
        id,
        org_id: actor.orgId,
        group_id: groupId,
        name,
        sort_order: input.sortOrder ?? n,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await auditTagSettings(ctx, tx, viewer, group, { after: { tagAdded: { id, name } } });
  });
  return id;
}

async function loadTag(tx: Ctx['db'], orgId: string, groupId: string, tagId: string) {
  const tag = await tx
    .selectFrom('customer_tags')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('id', '=', tagId)
    .executeTakeFirst();
  if (!tag) throw notFound('tag');
  return tag;
}

export async function updateTag(
  ctx: Ctx,
  actor: Actor,
  groupId: string,
  tagId: string,
  input: UpdateTagInput,
): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  // Checked before the transaction, so a refusal's audit entry is kept.
  const group = await loadEditableGroup(ctx, ctx.db, viewer, groupId);
  await ctx.db.transaction().execute(async (tx) => {
    const tag = await loadTag(tx, actor.orgId, groupId, tagId);
    const name = input.name?.trim() ?? tag.name;
    if (name !== tag.name) await assertTagNameFree(tx, actor.orgId, groupId, name, tagId);
    const sortOrder = input.sortOrder ?? tag.sort_order;
    await tx
      .updateTable('customer_tags')
      .set({ name, sort_order: sortOrder })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', tagId)
      .execute();
    await auditTagSettings(ctx, tx, viewer, group, {
      before: { tag: { id: tagId, name: tag.name, sortOrder: tag.sort_order } },
      after: { tag: { id: tagId, name, sortOrder } },
    });
  });
}

export async function deleteTag(ctx: Ctx, actor: Actor, groupId: string, tagId: string): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  // Checked before the transaction, so a refusal's audit entry is kept.
  const group = await loadEditableGroup(ctx, ctx.db, viewer, groupId);
  await ctx.db.transaction().execute(async (tx) => {
    const tag = await loadTag(tx, actor.orgId, groupId, tagId);
    const result = await tx
      .deleteFrom('customer_tag_links')
      .where('org_id', '=', actor.orgId)
      .where('tag_id', '=', tagId)
      .executeTakeFirst();
    await tx.deleteFrom('customer_tags').where('org_id', '=', actor.orgId).where('id', '=', tagId).execute();
    await auditTagSettings(ctx, tx, viewer, group, {
      before: { tag: { id: tagId, name: tag.name } },
      after: { tagDeleted: true, unlinked: Number(result.numDeletedRows) },
    });
  });
}
