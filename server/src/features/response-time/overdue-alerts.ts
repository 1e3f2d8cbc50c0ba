/**
 * The overdue-reply job: every minute it finds customer messages still unanswered past the
 * target in working time and tells the customer's owner, then — at twice the target — the
 * owner's supervisors, through `customer.response_overdue` (notifications deliver it, keyed by
 * the wait and the level). A wait is marked alerted before the event goes out, so each level is
 * announced once however often the job runs; waits of deleted customers are closed silently.
 */
import type { Ctx } from '../../app/context.js';
import { ensureJobQueued } from '../../platform/jobs/queue.js';
import { ESCALATION_MULTIPLE, loadResponseSettings } from './settings.js';
import { supervisorsOf } from './supervisors.js';

export const RESPONSE_ALERT_JOB = 'response_time.overdue_alerts';
export const RESPONSE_OVERDUE_EVENT = 'customer.response_overdue';

const EVERY_MS = 60_000;
const BATCH = 500;

type Level = 'owner' | 'supervisor';

const COLUMNS = {
  owner: { due: 'w.owner_due_at', alerted: 'owner_alerted_at' },
  supervisor: { due: 'w.supervisor_due_at', alerted: 'supervisor_alerted_at' },
} as const;

async function dueWaits(ctx: Ctx, level: Level, now: string) {
  const { due, alerted } = COLUMNS[level];
  return ctx.db
    .selectFrom('response_waits as w')
    .innerJoin('customers as c', 'c.id', 'w.customer_id')
    .innerJoin('members as o', 'o.id', 'c.owner_id')
    .select([
      'w.id',
      'w.org_id',
      'w.conversation_id',
      'w.customer_id',
      'w.asked_at',
      'c.name as customer_name',
      'c.owner_id',
      'c.deleted_at',
      'o.name as owner_name',
    ])
    .where('w.answered_at', 'is', null)
    .where(`w.${alerted}`, 'is', null)
    .where(due, 'is not', null)
    .where(due, '<=', now)
    .orderBy(due)
    .limit(BATCH)
    .execute();
}

/** Sends the alerts due now; returns how many waits were announced. */
export async function sendOverdueAlerts(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now().toISOString();
  let sent = 0;
  for (const level of ['owner', 'supervisor'] as const) {
    for (const wait of await dueWaits(ctx, level, now)) {
      const marked = await ctx.db
        .updateTable('response_waits')
        .set({ [COLUMNS[level].alerted]: now })
        .where('id', '=', wait.id)
        .where(COLUMNS[level].alerted, 'is', null)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1 || wait.deleted_at !== null) continue;
      const memberIds = level === 'owner' ? [wait.owner_id] : await supervisorsOf(ctx.db, wait.org_id, wait.owner_id);
      if (memberIds.length === 0) continue;
      const { targetMinutes } = await loadResponseSettings(ctx.db, wait.org_id);
      ctx.bus.emit({
        type: RESPONSE_OVERDUE_EVENT,
        orgId: wait.org_id,
        at: now,
        actorId: null,
        data: {
          waitId: wait.id,
          level,
          memberIds,
          conversationId: wait.conversation_id,
          customerId: wait.customer_id,
          customerName: wait.customer_name,
          ownerId: wait.owner_id,
          ownerName: wait.owner_name,
          askedAt: wait.asked_at,
          minutes: level === 'owner' ? targetMinutes : targetMinutes * ESCALATION_MULTIPLE,
        },
      });
      sent += 1;
    }
  }
  return sent;
}

export function scheduleOverdueAlerts(ctx: Ctx, after?: { jobId: string }): Promise<string> {
  return ensureJobQueued(ctx.db, ctx.dialect, ctx, {
    type: RESPONSE_ALERT_JOB,
    runAt: new Date(ctx.clock.now().getTime() + EVERY_MS),
    ...(after ? { exceptId: after.jobId } : {}),
  });
}

export async function runOverdueAlerts(ctx: Ctx, jobId: string): Promise<void> {
  const sent = await sendOverdueAlerts(ctx);
  if (sent > 0) ctx.log.info({ job: RESPONSE_ALERT_JOB, sent }, 'overdue-reply alerts sent');
  await scheduleOverdueAlerts(ctx, { jobId });
}
