/**
 * The sending job of one mass message, queued when it is approved (or submitted without
 * approval), to run at its scheduled time. Each pending recipient is delivered — or, when owners
 * confirm their part and the owner is not the author, set to wait for that owner, who is told.
 * Once no recipient waits, the message is sent (audited once). Re-running finds nothing to redo.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { MassMessageTable } from '../../../platform/db/mass-message-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { recordAudit } from '../../audit/record.js';
import { findMassMessage } from '../access.js';
import { emitNotice, excerptOf } from '../notices.js';
import { readSettings } from '../settings.js';
import { deliverRecipient } from './deliver.js';

export const MASS_MESSAGE_SEND_JOB = 'mass_messages.send';

/** Queues the sending inside the caller's transaction, at the scheduled time or now. */
export function scheduleSending(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Kysely<Database>,
  input: { orgId: string; id: string; runAt?: string | null | undefined },
): Promise<string> {
  const now = ctx.clock.now();
  const at = input.runAt ? new Date(input.runAt) : now;
  return enqueueJob(tx, ctx, {
    type: MASS_MESSAGE_SEND_JOB,
    orgId: input.orgId,
    payload: { massMessageId: input.id },
    runAt: at.getTime() > now.getTime() ? at : now,
  });
}

/** Sends the pending recipients of these owners (all when null) and closes the message when done. */
export async function sendPending(ctx: Ctx, mm: MassMessageTable, ownerIds: readonly string[] | null): Promise<void> {
  const settings = await readSettings(ctx.db, mm.org_id);
  let query = ctx.db
    .selectFrom('mass_message_recipients')
    .select(['customer_id', 'owner_id', 'confirmed_at'])
    .where('org_id', '=', mm.org_id)
    .where('mass_message_id', '=', mm.id)
    .where('status', '=', 'pending');
  if (ownerIds) query = query.where('owner_id', 'in', [...ownerIds]);
  const pending = await query.orderBy('customer_id').execute();
  const waitFor = new Set<string>();
  for (const r of pending) {
    if (Number(mm.owner_confirm) === 1 && r.owner_id !== mm.author_id && !r.confirmed_at) {
      waitFor.add(r.owner_id);
      continue;
    }
    await deliverRecipient(ctx, mm, r.customer_id, settings);
  }
  if (waitFor.size > 0) {
    await ctx.db
      .updateTable('mass_message_recipients')
      .set({ status: 'awaiting_confirm' })
      .where('org_id', '=', mm.org_id)
      .where('mass_message_id', '=', mm.id)
      .where('status', '=', 'pending')
      .where('confirmed_at', 'is', null)
      .where('owner_id', 'in', [...waitFor])
      .execute();
    const author = await ctx.db
      .selectFrom('members')
      .select('name')
      .where('org_id', '=', mm.org_id)
      .where('id', '=', mm.author_id)
      .executeTakeFirst();
    emitNotice(ctx, {
      orgId: mm.org_id,
      kind: 'mass_message_confirm',
      massMessageId: mm.id,
      memberIds: [...waitFor],
      authorName: author?.name ?? '',
      text: mm.text,
    });
  }
  await closeIfDone(ctx, mm);
}

/** Marks the message sent once no recipient is pending or waiting; audited by the call that closes it. */
export async function closeIfDone(ctx: Ctx, mm: MassMessageTable): Promise<void> {
  const counts = await ctx.db
    .selectFrom('mass_message_recipients')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('org_id', '=', mm.org_id)
    .where('mass_message_id', '=', mm.id)
    .groupBy('status')
    .execute();
  const by = new Map(counts.map((c) => [c.status, Number(c.n)]));
  if ((by.get('pending') ?? 0) > 0 || (by.get('awaiting_confirm') ?? 0) > 0) return;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const closed = await tx
      .updateTable('mass_messages')
      .set({ status: 'sent', sent_at: now, updated_at: now })
      .where('org_id', '=', mm.org_id)
      .where('id', '=', mm.id)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) return;
    await recordAudit(ctx, tx, {
      orgId: mm.org_id,
      who: { kind: 'system', meta: { ip: null, userAgent: null, requestId: null } },
      action: 'mass_message.sent',
      target: { type: 'mass_message', id: mm.id, label: excerptOf(mm.text) },
      after: { sent: by.get('sent') ?? 0, failed: by.get('failed') ?? 0 },
    });
  });
}

/** The job handler. */
export async function runMassMessageSend(
  ctx: Ctx,
  orgId: string | null,
  payload: Record<string, unknown>,
): Promise<void> {
  const id = payload.massMessageId;
  if (typeof id !== 'string' || !orgId) return;
  const mm = await findMassMessage(ctx.db, orgId, id);
  if (!mm || (mm.status !== 'approved' && mm.status !== 'sending')) return;
  if (mm.status === 'approved') {
    await ctx.db
      .updateTable('mass_messages')
      .set({ status: 'sending', updated_at: ctx.clock.now().toISOString() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .execute();
  }
  await sendPending(ctx, { ...mm, status: 'sending' }, null);
}
