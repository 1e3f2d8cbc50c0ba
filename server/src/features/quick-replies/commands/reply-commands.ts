/**
 * Quick replies: create, edit, delete. Org-wide replies need quick_reply.manage, pass the
 * blocking sensitive-content rules, and every change is audited; personal ones are their owner's.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../audit/record.js';
import { assertMayWrite, categoryForReply, loadReply, ownerFor } from '../access.js';
import type { CreateQuickReplyInput, UpdateQuickReplyInput } from '../schemas.js';
import { assertNotBlocked, replyContent } from './reply-content.js';

type Db = Kysely<Database>;
type Snapshot = { title: string; text: string; categoryId: string | null };

function auditOrgReply(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  db: Db,
  actor: Actor,
  action: 'quick_reply.created' | 'quick_reply.updated' | 'quick_reply.deleted',
  reply: { id: string; title: string },
  change: { before?: Snapshot; after?: Snapshot },
): Promise<void> {
  return recordAudit(ctx, db, {
    orgId: actor.orgId,
    who: actor,
    action,
    target: { type: 'quick_reply', id: reply.id, label: reply.title },
    ...change,
  });
}

export async function createQuickReply(ctx: Ctx, actor: Actor, input: CreateQuickReplyInput): Promise<string> {
  const ownerId = ownerFor(actor, input.scope);
  await assertMayWrite(ctx, actor, ownerId);
  const content = replyContent(input.title, input.text);
  if (ownerId === null) await assertNotBlocked(ctx, actor.orgId, content.body);
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const category = await categoryForReply(tx, actor, ownerId, input.categoryId);
    await tx
      .insertInto('quick_replies')
      .values({
        id,
        org_id: actor.orgId,
        owner_id: ownerId,
        category_id: category?.id ?? null,
        ...content,
        use_count: 0,
        last_used_at: null,
        created_by: actor.memberId,
        updated_by: actor.memberId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (ownerId === null) {
      await auditOrgReply(
        ctx,
        tx,
        actor,
        'quick_reply.created',
        { id, title: content.title },
        {
          after: { title: content.title, text: content.body, categoryId: category?.id ?? null },
        },
      );
    }
  });
  return id;
}

export async function updateQuickReply(ctx: Ctx, actor: Actor, id: string, input: UpdateQuickReplyInput) {
  const reply = await loadReply(ctx.db, actor, id);
  // Checked before the transaction, so a refusal's audit entry is kept.
  await assertMayWrite(ctx, actor, reply.owner_id);
  const content = replyContent(input.title ?? reply.title, input.text ?? reply.body);
  if (reply.owner_id === null) await assertNotBlocked(ctx, actor.orgId, content.body);
  await ctx.db.transaction().execute(async (tx) => {
    const categoryId =
      input.categoryId === undefined
        ? reply.category_id
        : ((await categoryForReply(tx, actor, reply.owner_id, input.categoryId))?.id ?? null);
    await tx
      .updateTable('quick_replies')
      .set({
        ...content,
        category_id: categoryId,
        updated_by: actor.memberId,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    if (reply.owner_id === null) {
      await auditOrgReply(
        ctx,
        tx,
        actor,
        'quick_reply.updated',
        { id, title: content.title },
        {
          before: { title: reply.title, text: reply.body, categoryId: reply.category_id },
          after: { title: content.title, text: content.body, categoryId },
        },
      );
    }
  });
}

export async function deleteQuickReply(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const reply = await loadReply(ctx.db, actor, id);
  await assertMayWrite(ctx, actor, reply.owner_id);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('quick_replies').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    if (reply.owner_id === null) {
      await auditOrgReply(ctx, tx, actor, 'quick_reply.deleted', reply, {
        before: { title: reply.title, text: reply.body, categoryId: reply.category_id },
      });
    }
  });
}

/** Counts one use (the reply was inserted into a message); anyone who can read the reply. */
export async function recordQuickReplyUse(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await loadReply(ctx.db, actor, id);
  await ctx.db
    .updateTable('quick_replies')
    .set((eb) => ({ use_count: eb('use_count', '+', 1), last_used_at: ctx.clock.now().toISOString() }))
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .execute();
}
