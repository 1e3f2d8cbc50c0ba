/**
 * Submitting a mass message: the text passes the blocking sensitive-content rules (422 naming
 * the rule, nothing stored), the filter is resolved once into recipients (each with the owner
 * who will send it), and the message either waits for approval or goes straight to sending
 * (at its scheduled time), as the org's settings say. One transaction; audited.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { DomainError, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { blockingRuleFor } from '../../compliance/sensitive/index.js';
import { approversOf } from '../access.js';
import { emitNotice, excerptOf } from '../notices.js';
import type { CreateMassMessageInput } from '../schemas.js';
import { scheduleSending } from '../sending/send-job.js';
import { readSettings } from '../settings.js';
import { resolveTargets } from '../targeting.js';

async function assertNotBlocked(ctx: Ctx, orgId: string, text: string): Promise<void> {
  const rule = await blockingRuleFor(ctx, orgId, text);
  if (!rule) return;
  throw new DomainError(
    'content_blocked',
    `The mass message was not submitted: the rule "${rule.name}" blocks ${rule.found.join(', ')}`,
    { rule: { id: rule.id, name: rule.name }, found: rule.found },
  );
}

async function assertOwnUpload(ctx: Ctx, actor: Actor, input: CreateMassMessageInput): Promise<void> {
  const a = input.attachment;
  if (!a || a.kind === 'link') return;
  const row = await ctx.db
    .selectFrom('attachments')
    .select(['kind', 'uploader_id'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', a.attachmentId)
    .executeTakeFirst();
  if (!row || row.uploader_id !== actor.memberId) throw notFound('attachment', { field: 'attachment.attachmentId' });
  if (row.kind !== a.kind)
    throw invalid(`This attachment is a ${row.kind}, not a ${a.kind}`, { field: 'attachment.kind' });
}

export async function createMassMessage(ctx: Ctx, actor: Actor, input: CreateMassMessageInput): Promise<string> {
  await assertMay(ctx, actor, 'mass_message.send');
  const text = input.text.trim();
  if (!text) throw invalid('The mass message needs a text', { field: 'text' });
  const link = input.attachment?.kind === 'link' ? input.attachment : null;
  await assertNotBlocked(ctx, actor.orgId, link ? `${text}\n${link.title}` : text);
  await assertOwnUpload(ctx, actor, input);
  const now = ctx.clock.now();
  if (input.scheduledAt && new Date(input.scheduledAt).getTime() <= now.getTime()) {
    throw invalid('The scheduled time has passed', { field: 'scheduledAt', reason: 'in_the_past' });
  }
  const targets = await resolveTargets(ctx, actor, input.filter);
  if (targets.length === 0) {
    throw invalid('No customer matches the filter', { field: 'filter', reason: 'no_recipients' });
  }
  const settings = await readSettings(ctx.db, actor.orgId);
  const id = ctx.ids.next();
  const at = now.toISOString();
  const status = settings.requireApproval ? 'pending_approval' : 'approved';
  const file = input.attachment && input.attachment.kind !== 'link' ? input.attachment : null;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('mass_messages')
      .values({
        id,
        org_id: actor.orgId,
        author_id: actor.memberId,
        text,
        attachment_kind: input.attachment?.kind ?? null,
        attachment_id: file?.attachmentId ?? null,
        link_url: link?.url ?? null,
        link_title: link?.title.trim() ?? null,
        filter: JSON.stringify(input.filter),
        scheduled_at: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
        status,
        owner_confirm: settings.ownerConfirm ? 1 : 0,
        approver_id: null,
        reason: null,
        created_at: at,
        updated_at: at,
        decided_at: null,
        sent_at: null,
      })
      .execute();
    for (let i = 0; i < targets.length; i += 500) {
      await tx
        .insertInto('mass_message_recipients')
        .values(
          targets.slice(i, i + 500).map((t) => ({
            mass_message_id: id,
            org_id: actor.orgId,
            customer_id: t.customerId,
            owner_id: t.ownerId,
            status: 'pending',
            fail_reason: null,
            conversation_id: null,
            message_id: null,
            message_seq: null,
            confirmed_at: null,
            sent_at: null,
          })),
        )
        .execute();
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'mass_message.created',
      target: { type: 'mass_message', id, label: excerptOf(text) },
      after: { status, recipients: targets.length, filter: input.filter, scheduledAt: input.scheduledAt ?? null },
    });
    if (status === 'approved') await scheduleSending(ctx, tx, { orgId: actor.orgId, id, runAt: input.scheduledAt });
  });
  if (status === 'pending_approval') {
    emitNotice(ctx, {
      orgId: actor.orgId,
      kind: 'mass_message_pending_approval',
      massMessageId: id,
      memberIds: await approversOf(ctx, actor.orgId, actor.memberId),
      authorName: actor.name,
      text,
    });
  }
  return id;
}
