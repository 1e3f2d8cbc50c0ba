/**
 * Follow-up reminders: a job queued for the next follow-up date. When it runs it emits
 * `customer.follow_up_due` for the member who wrote the follow-up (or, after a transfer, the new
 * owner it was assigned to) — notifications deliver it —
 * unless the customer was deleted or a later follow-up was recorded meanwhile.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { enqueueJob } from '../../platform/jobs/queue.js';

export const FOLLOW_UP_REMINDER_JOB = 'customers.follow_up_reminder';

/** Queues the reminder inside the caller's transaction. */
export function scheduleFollowUpReminder(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Kysely<Database>,
  followUp: { id: string; orgId: string; nextAt: string },
): Promise<string> {
  return enqueueJob(tx, ctx, {
    type: FOLLOW_UP_REMINDER_JOB,
    orgId: followUp.orgId,
    payload: { followUpId: followUp.id },
    runAt: new Date(followUp.nextAt),
  });
}

/** The job handler: one reminder, or nothing when it is no longer needed. */
export async function runFollowUpReminder(
  ctx: Ctx,
  orgId: string | null,
  payload: Record<string, unknown>,
): Promise<void> {
  const followUpId = payload.followUpId;
  if (typeof followUpId !== 'string' || !orgId) return;
  const row = await ctx.db
    .selectFrom('customer_follow_ups as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .select([
      'f.id',
      'f.customer_id',
      'f.author_id',
      'f.assignee_id',
      'f.next_at',
      'f.happened_at',
      'c.name',
      'c.deleted_at',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.id', '=', followUpId)
    .executeTakeFirst();
  if (!row || row.deleted_at !== null || !row.next_at) return;
  const later = await ctx.db
    .selectFrom('customer_follow_ups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', row.customer_id)
    .where('happened_at', '>', row.happened_at)
    .executeTakeFirst();
  if (later) return;
  ctx.bus.emit({
    type: 'customer.follow_up_due',
    orgId,
    at: ctx.clock.now().toISOString(),
    actorId: null,
    data: {
      followUpId: row.id,
      customerId: row.customer_id,
      customerName: row.name,
      memberId: row.assignee_id ?? row.author_id,
      nextAt: row.next_at,
    },
  });
}
