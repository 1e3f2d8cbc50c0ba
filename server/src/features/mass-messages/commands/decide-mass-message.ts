/**
 * A supervisor's decision on a submitted mass message, and cancelling one. Approving queues its
 * sending (at the scheduled time); rejecting keeps the reason for the author. Only a member whose
 * `mass_message.approve` reaches the author decides (never the author); the author, a deciding
 * supervisor or a holder of `mass_message.manage` cancels what has not gone out yet.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { may } from '../../../authz/may.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleMassMessage, mayApprove } from '../access.js';
import { emitNotice, excerptOf } from '../notices.js';
import { scheduleSending } from '../sending/send-job.js';

type Decision = { approve: true } | { approve: false; reason: string };

export async function decideMassMessage(ctx: Ctx, actor: Actor, id: string, decision: Decision): Promise<void> {
  const mm = await loadVisibleMassMessage(ctx, actor, id);
  if (!(await mayApprove(ctx, actor, mm.author_id))) throw forbidden('You cannot decide on this mass message');
  if (mm.status !== 'pending_approval') {
    throw conflict('This mass message is not waiting for approval', { reason: 'not_pending', status: mm.status });
  }
  const now = ctx.clock.now().toISOString();
  const status = decision.approve ? 'approved' : 'rejected';
  const reason = decision.approve ? null : decision.reason.trim();
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('mass_messages')
      .set({ status, approver_id: actor.memberId, reason, decided_at: now, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', '=', 'pending_approval')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('This mass message was decided meanwhile');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: decision.approve ? 'mass_message.approved' : 'mass_message.rejected',
      target: { type: 'mass_message', id, label: excerptOf(mm.text) },
      before: { status: mm.status },
      after: { status, reason },
    });
    if (decision.approve) await scheduleSending(ctx, tx, { orgId: actor.orgId, id, runAt: mm.scheduled_at });
  });
  emitNotice(ctx, {
    orgId: actor.orgId,
    kind: decision.approve ? 'mass_message_approved' : 'mass_message_rejected',
    massMessageId: id,
    memberIds: [mm.author_id],
    authorName: actor.name,
    text: mm.text,
    reason,
  });
}

const CANCELLABLE = new Set(['draft', 'pending_approval', 'approved', 'sending']);

export async function cancelMassMessage(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const mm = await loadVisibleMassMessage(ctx, actor, id);
  const allowed =
    mm.author_id === actor.memberId ||
    (await may(ctx, actor, 'mass_message.manage')) ||
    (await mayApprove(ctx, actor, mm.author_id));
  if (!allowed) throw forbidden('You cannot cancel this mass message');
  if (!CANCELLABLE.has(mm.status)) {
    throw conflict('This mass message can no longer be cancelled', { reason: 'not_cancellable', status: mm.status });
  }
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('mass_messages')
      .set({ status: 'cancelled', updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', 'in', [...CANCELLABLE])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('This mass message changed meanwhile');
    // What has gone out stays sent; what has not will not go.
    await tx
      .updateTable('mass_message_recipients')
      .set({ status: 'failed', fail_reason: 'cancelled' })
      .where('org_id', '=', actor.orgId)
      .where('mass_message_id', '=', id)
      .where('status', 'in', ['pending', 'awaiting_confirm'])
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'mass_message.cancelled',
      target: { type: 'mass_message', id, label: excerptOf(mm.text) },
      before: { status: mm.status },
      after: { status: 'cancelled' },
    });
  });
}
