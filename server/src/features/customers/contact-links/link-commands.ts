/**
 * Creating, editing and deleting contact-me links. A member makes their own (`customer.serve`);
 * someone whose `customer.view` reaches the owner may edit or delete them. Tags must be ones the
 * owner may use. Creating and deleting are audited; deleting keeps the row (customers and chats
 * name the link they came through) but the page stops admitting anyone.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { recordAudit } from '../../audit/record.js';
import { customerViewer } from '../viewer.js';
import { manageableLink } from './link-reads.js';
import { assertOwnerTags, assertStage, cleanLinkName, cleanWelcome, newContactCode } from './link-rules.js';
import type { CreateContactLinkInput, UpdateContactLinkInput } from './link-schemas.js';

export async function createContactLink(ctx: Ctx, actor: Actor, input: CreateContactLinkInput): Promise<string> {
  const viewer = await customerViewer(ctx, actor);
  if (!viewer.serve) await assertMay(ctx, actor, 'customer.serve');
  const name = cleanLinkName(input.name);
  const welcome = cleanWelcome(input.welcomeMessage) ?? null;
  const tagIds = input.tagIds ?? [];
  await assertOwnerTags(ctx.db, actor.orgId, actor.memberId, tagIds);
  await assertStage(ctx.db, actor.orgId, input.stageId);
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('contact_links')
      .values({
        id,
        org_id: actor.orgId,
        owner_id: actor.memberId,
        code: newContactCode(),
        name,
        tag_ids: JSON.stringify(tagIds),
        welcome_message: welcome,
        stage_id: input.stageId ?? null,
        joins: 0,
        created_by: actor.memberId,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'contact_link.created',
      target: { type: 'contact_link', id, label: name },
      after: { name, ownerId: actor.memberId, tagIds, stageId: input.stageId ?? null, welcomeMessage: welcome },
    });
  });
  return id;
}

export async function updateContactLink(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateContactLinkInput,
): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  const row = await manageableLink(ctx, viewer, id);
  const changes: Partial<typeof row> = {};
  if (input.name !== undefined) changes.name = cleanLinkName(input.name);
  const welcome = cleanWelcome(input.welcomeMessage);
  if (welcome !== undefined) changes.welcome_message = welcome;
  if (input.tagIds !== undefined) {
    await assertOwnerTags(ctx.db, actor.orgId, row.owner_id, input.tagIds);
    changes.tag_ids = JSON.stringify(input.tagIds);
  }
  if (input.stageId !== undefined) {
    await assertStage(ctx.db, actor.orgId, input.stageId);
    changes.stage_id = input.stageId;
  }
  if (Object.keys(changes).length === 0) return;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('contact_links')
      .set({ ...changes, updated_at: ctx.clock.now().toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'contact_link.updated',
      target: { type: 'contact_link', id, label: changes.name ?? row.name },
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]])),
      after: changes,
    });
  });
}

export async function deleteContactLink(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  const row = await manageableLink(ctx, viewer, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('contact_links')
      .set({ deleted_at: now, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'contact_link.deleted',
      target: { type: 'contact_link', id, label: row.name },
      before: { name: row.name, ownerId: row.owner_id, joins: Number(row.joins) },
    });
  });
}
