/**
 * Creating a mass message: submitted at once, or kept as a draft its author edits and submits
 * later (a draft reaches no one and is checked only when submitted). One transaction each.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { findMassMessage } from '../access.js';
import type { CreateMassMessageInput } from '../schemas.js';
import {
  announceSubmission,
  assertOwnUpload,
  assertText,
  type Content,
  contentColumns,
  contentOf,
  prepareSubmission,
  writeSubmission,
} from './submission.js';

export async function createMassMessage(ctx: Ctx, actor: Actor, input: CreateMassMessageInput): Promise<string> {
  await assertMay(ctx, actor, 'mass_message.send');
  const { draft, ...content } = input;
  const id = ctx.ids.next();
  const at = ctx.clock.now().toISOString();
  const row = (status: string) => ({
    id,
    org_id: actor.orgId,
    author_id: actor.memberId,
    ...contentColumns(content),
    status,
    owner_confirm: 0,
    approver_id: null,
    reason: null,
    created_at: at,
    updated_at: at,
    decided_at: null,
    sent_at: null,
  });
  if (draft) {
    assertText(content);
    await assertOwnUpload(ctx, actor, content);
    await ctx.db.insertInto('mass_messages').values(row('draft')).execute();
    return id;
  }
  const prepared = await prepareSubmission(ctx, actor, content);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('mass_messages')
      .values({ ...row(prepared.status), owner_confirm: prepared.settings.ownerConfirm ? 1 : 0 })
      .execute();
    await writeSubmission(ctx, tx, actor, id, content, prepared);
  });
  await announceSubmission(ctx, actor, id, content, prepared);
  return id;
}

/** The author's own draft; 404 for anyone else's, 409 once it is no longer a draft. */
async function loadDraft(ctx: Ctx, actor: Actor, id: string) {
  const row = await findMassMessage(ctx.db, actor.orgId, id);
  if (!row || row.author_id !== actor.memberId) throw notFound('mass message');
  if (row.status !== 'draft') throw conflict('This mass message is no longer a draft', { reason: 'not_draft' });
  return row;
}

export async function updateDraft(ctx: Ctx, actor: Actor, id: string, content: Content): Promise<void> {
  await loadDraft(ctx, actor, id);
  assertText(content);
  await assertOwnUpload(ctx, actor, content);
  await ctx.db
    .updateTable('mass_messages')
    .set({ ...contentColumns(content), updated_at: ctx.clock.now().toISOString() })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

export async function submitDraft(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await assertMay(ctx, actor, 'mass_message.send');
  const content = contentOf(await loadDraft(ctx, actor, id));
  const prepared = await prepareSubmission(ctx, actor, content);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('mass_messages')
      .set({
        status: prepared.status,
        owner_confirm: prepared.settings.ownerConfirm ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('This draft was submitted meanwhile');
    await writeSubmission(ctx, tx, actor, id, content, prepared);
  });
  await announceSubmission(ctx, actor, id, content, prepared);
}
