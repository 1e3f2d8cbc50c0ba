/**
 * What submitting a mass message checks and writes, whether it is submitted at once or from a
 * draft: the text passes the blocking sensitive-content rules (422 naming the rule), an image or
 * file is the author's own upload, the time lies ahead, and the filter is resolved once into
 * recipients (each with the owner who will send it). The message then waits for approval or is
 * queued for sending, as the org's settings say; audited; approvers are told.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { MassMessageTable } from '../../../platform/db/mass-message-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { DomainError, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { blockingRuleFor } from '../../compliance/sensitive/index.js';
import { approversOf } from '../access.js';
import { emitNotice, excerptOf } from '../notices.js';
import type { CreateMassMessageInput, SettingsOut } from '../schemas.js';
import { scheduleSending } from '../sending/send-job.js';
import { readSettings } from '../settings.js';
import { resolveTargets, type Target } from '../targeting.js';
import { findUpload } from '../uploads.js';

export type Content = Omit<CreateMassMessageInput, 'draft'>;
export type Prepared = { targets: Target[]; settings: SettingsOut; status: 'pending_approval' | 'approved' };

/** The columns holding a message's content. */
export function contentColumns(content: Content) {
  const a = content.attachment;
  return {
    text: content.text.trim(),
    attachment_kind: a?.kind ?? null,
    attachment_id: a && a.kind !== 'link' ? a.attachmentId : null,
    link_url: a?.kind === 'link' ? a.url : null,
    link_title: a?.kind === 'link' ? a.title.trim() : null,
    filter: JSON.stringify(content.filter),
    scheduled_at: content.scheduledAt ? new Date(content.scheduledAt).toISOString() : null,
  };
}

/** The content stored in a row, as it was given. */
export function contentOf(row: MassMessageTable): Content {
  const kind = row.attachment_kind;
  let attachment: Content['attachment'];
  if (kind === 'link') attachment = { kind, url: row.link_url ?? '', title: row.link_title ?? '' };
  if (kind === 'image' || kind === 'file') attachment = { kind, attachmentId: row.attachment_id ?? '' };
  return {
    text: row.text,
    filter: JSON.parse(row.filter) as Content['filter'],
    ...(attachment ? { attachment } : {}),
    ...(row.scheduled_at ? { scheduledAt: row.scheduled_at } : {}),
  };
}

async function assertNotBlocked(ctx: Ctx, orgId: string, text: string): Promise<void> {
  const rule = await blockingRuleFor(ctx, orgId, text);
  if (!rule) return;
  throw new DomainError(
    'content_blocked',
    `The mass message was not submitted: the rule "${rule.name}" blocks ${rule.found.join(', ')}`,
    { rule: { id: rule.id, name: rule.name }, found: rule.found },
  );
}

/** 404 unless an image or file is an upload of the author's, 400 when its kind differs. */
export async function assertOwnUpload(ctx: Pick<Ctx, 'db'>, actor: Actor, content: Content): Promise<void> {
  const a = content.attachment;
  if (!a || a.kind === 'link') return;
  const row = await findUpload(ctx.db, actor.orgId, a.attachmentId);
  if (!row || row.uploader_id !== actor.memberId) throw notFound('attachment', { field: 'attachment.attachmentId' });
  if (row.kind !== a.kind) {
    throw invalid(`This attachment is a ${row.kind}, not a ${a.kind}`, { field: 'attachment.kind' });
  }
}

/** 400 for a blank text; checked for drafts too. */
export function assertText(content: Content): void {
  if (!content.text.trim()) throw invalid('The mass message needs a text', { field: 'text' });
}

/** Every check of a submission, before its transaction; returns the recipients and the next status. */
export async function prepareSubmission(ctx: Ctx, actor: Actor, content: Content): Promise<Prepared> {
  assertText(content);
  const text = content.text.trim();
  const link = content.attachment?.kind === 'link' ? content.attachment : null;
  await assertNotBlocked(ctx, actor.orgId, link ? `${text}\n${link.title}` : text);
  await assertOwnUpload(ctx, actor, content);
  if (content.scheduledAt && new Date(content.scheduledAt).getTime() <= ctx.clock.now().getTime()) {
    throw invalid('The scheduled time has passed', { field: 'scheduledAt', reason: 'in_the_past' });
  }
  const targets = await resolveTargets(ctx, actor, content.filter);
  if (targets.length === 0) {
    throw invalid('No customer matches the filter', { field: 'filter', reason: 'no_recipients' });
  }
  const settings = await readSettings(ctx.db, actor.orgId);
  return { targets, settings, status: settings.requireApproval ? 'pending_approval' : 'approved' };
}

/** Inside the submission's transaction: the recipients, the audit entry, the sending job. */
export async function writeSubmission(
  ctx: Ctx,
  tx: Kysely<Database>,
  actor: Actor,
  id: string,
  content: Content,
  prepared: Prepared,
): Promise<void> {
  const { targets, status } = prepared;
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
    target: { type: 'mass_message', id, label: excerptOf(content.text.trim()) },
    after: { status, recipients: targets.length, filter: content.filter, scheduledAt: content.scheduledAt ?? null },
  });
  if (status === 'approved') await scheduleSending(ctx, tx, { orgId: actor.orgId, id, runAt: content.scheduledAt });
}

/** After the commit: approvers hear of a message waiting for them. */
export async function announceSubmission(ctx: Ctx, actor: Actor, id: string, content: Content, prepared: Prepared) {
  if (prepared.status !== 'pending_approval') return;
  emitNotice(ctx, {
    orgId: actor.orgId,
    kind: 'mass_message_pending_approval',
    massMessageId: id,
    memberIds: await approversOf(ctx, actor.orgId, actor.memberId),
    authorName: actor.name,
    text: content.text.trim(),
  });
}
