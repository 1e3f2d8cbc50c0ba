/**
 * An owner confirms their part of a mass message (when the org asks owners to confirm): their
 * customers waiting for them go back to pending with the confirmation noted and are sent at once.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict } from '../../../platform/errors.js';
import { loadVisibleMassMessage } from '../access.js';
import { sendPending } from '../sending/send-job.js';

/** Returns how many of the owner's customers were waiting; 409 when none was. */
export async function confirmPart(ctx: Ctx, actor: Actor, id: string): Promise<number> {
  const mm = await loadVisibleMassMessage(ctx, actor, id);
  if (mm.status !== 'sending') {
    throw conflict('This mass message is not waiting for confirmations', { reason: 'not_sending', status: mm.status });
  }
  const now = ctx.clock.now().toISOString();
  const updated = await ctx.db
    .updateTable('mass_message_recipients')
    .set({ status: 'pending', confirmed_at: now })
    .where('org_id', '=', actor.orgId)
    .where('mass_message_id', '=', id)
    .where('owner_id', '=', actor.memberId)
    .where('status', '=', 'awaiting_confirm')
    .executeTakeFirst();
  const count = Number(updated.numUpdatedRows);
  if (count === 0)
    throw conflict('None of your customers is waiting for your confirmation', { reason: 'nothing_to_confirm' });
  await sendPending(ctx, mm, [actor.memberId]);
  return count;
}
