/** Tag groups: create (org-wide with customer.manage, or personal), rename or reorder, delete. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict } from '../../../platform/errors.js';
import type { CreateTagGroupInput, UpdateTagGroupInput } from '../settings-schemas.js';
import { assertGroupNameFree, auditTagSettings, loadEditableGroup } from '../tag-group-access.js';
import { customerViewer } from '../viewer.js';

export async function createTagGroup(ctx: Ctx, actor: Actor, input: CreateTagGroupInput): Promise<string> {
  const viewer = await customerViewer(ctx, actor);
  const personal = input.personal ?? false;
  if (!personal) await assertMay(ctx, actor, 'customer.manage');
  const name = input.name.trim();
  const tags = (input.tags ?? []).map((t) => t.trim());
  if (new Set(tags).size !== tags.length) throw conflict('A tag name appears twice', { field: 'tags' });
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await assertGroupNameFree(tx, viewer, personal, name, null);
    await tx
      .insertInto('customer_tag_groups')
      .values({
        id,
        org_id: actor.orgId,
        name,
        owner_id: personal ? actor.memberId : null,
        sort_order: input.sortOrder ?? 0,
        created_by: actor.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (tags.length > 0) {
      await tx
        .insertInto('customer_tags')
        .values(
          tags.map((tag, i) => ({
            id: ctx.ids.next(),
            org_id: actor.orgId,
            group_id: id,
            name: tag,
            sort_order: i,
            created_at: now,
          })),
        )
        .execute();
    }
    await auditTagSettings(ctx, tx, viewer, { id, name }, { after: { created: { name, personal, tags } } });
  });
  return id;
}

export async function updateTagGroup(ctx: Ctx, actor: Actor, id: string, input: UpdateTagGroupInput): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  // Checked before the transaction, so a refusal's audit entry is kept.
  const group = await loadEditableGroup(ctx, ctx.db, viewer, id);
  await ctx.db.transaction().execute(async (tx) => {
    const name = input.name?.trim() ?? group.name;
    if (name !== group.name) await assertGroupNameFree(tx, viewer, group.owner_id !== null, name, id);
    const sortOrder = input.sortOrder ?? group.sort_order;
    await tx
      .updateTable('customer_tag_groups')
      .set({ name, sort_order: sortOrder, updated_at: ctx.clock.now().toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await auditTagSettings(
      ctx,
      tx,
      viewer,
      { id, name },
      { before: { name: group.name, sortOrder: group.sort_order }, after: { name, sortOrder } },
    );
  });
}

/** Deletes the group, its tags, and those tags on every customer. */
export async function deleteTagGroup(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  // Checked before the transaction, so a refusal's audit entry is kept.
  const group = await loadEditableGroup(ctx, ctx.db, viewer, id);
  await ctx.db.transaction().execute(async (tx) => {
    const tags = await tx
      .selectFrom('customer_tags')
      .select(['id', 'name'])
      .where('org_id', '=', actor.orgId)
      .where('group_id', '=', id)
      .execute();
    const tagIds = tags.map((t) => t.id);
    let unlinked = 0;
    if (tagIds.length > 0) {
      const result = await tx
        .deleteFrom('customer_tag_links')
        .where('org_id', '=', actor.orgId)
        .where('tag_id', 'in', tagIds)
        .executeTakeFirst();
      unlinked = Number(result.numDeletedRows);
      await tx.deleteFrom('customer_tags').where('org_id', '=', actor.orgId).where('group_id', '=', id).execute();
    }
    await tx.deleteFrom('customer_tag_groups').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    await auditTagSettings(ctx, tx, viewer, group, {
      before: { name: group.name, tags: tags.map((t) => t.name) },
      after: { deleted: true, unlinked },
    });
  });
}
