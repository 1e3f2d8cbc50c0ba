/**
 * The daily clean-up: drops sessions that ended (expired or revoked) more than 30 days ago and
 * sign-in failures too old to count towards a lockout, notifications read over 90 days ago (or
 * unread for a year), then schedules itself for the next day.
 */
import type { Ctx } from '../../app/context.js';
import { ensureJobQueued } from '../../platform/jobs/queue.js';

export const CLEANUP_JOB = 'maintenance.cleanup';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Ended sessions stay this long so "signed out / expired" remains visible in session lists. */
export const ENDED_SESSION_RETENTION_MS = 30 * DAY_MS;

/** A read notification has served its purpose; an unread one is kept longer in case it is looked for. */
export const READ_NOTIFICATION_RETENTION_MS = 90 * DAY_MS;
export const UNREAD_NOTIFICATION_RETENTION_MS = 365 * DAY_MS;

export type CleanupResult = { sessions: number; authFailures: number; notifications: number };

/** Deletes what the retention rules allow; returns how many rows went. */
export async function cleanupExpiredRecords(ctx: Ctx): Promise<CleanupResult> {
  const now = ctx.clock.now().getTime();
  const sessionCutoff = new Date(now - ENDED_SESSION_RETENTION_MS).toISOString();
  // Failures inside the lockout window still count; never delete those even if it exceeds a day.
  const failureWindowMs = Math.max(DAY_MS, ctx.config.lockout.windowMinutes * 60_000);
  const failureCutoff = new Date(now - failureWindowMs).toISOString();

  const sessions = await ctx.db
    .deleteFrom('sessions')
    .where((w) => w.or([w('expires_at', '<', sessionCutoff), w('revoked_at', '<', sessionCutoff)]))
    .executeTakeFirst();
  const failures = await ctx.db.deleteFrom('auth_failures').where('at', '<', failureCutoff).executeTakeFirst();
  const readCutoff = new Date(now - READ_NOTIFICATION_RETENTION_MS).toISOString();
  const unreadCutoff = new Date(now - UNREAD_NOTIFICATION_RETENTION_MS).toISOString();
  const notifications = await ctx.db
    .deleteFrom('notifications')
    .where((w) => w.or([w('read_at', '<', readCutoff), w('created_at', '<', unreadCutoff)]))
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    authFailures: Number(failures.numDeletedRows),
    notifications: Number(notifications.numDeletedRows),
  };
}

/** Makes sure exactly one clean-up is pending; `after` is the job asking for its successor. */
export function scheduleCleanup(ctx: Ctx, after?: { jobId: string }): Promise<string> {
  const runAt = after ? new Date(ctx.clock.now().getTime() + DAY_MS) : ctx.clock.now();
  return ensureJobQueued(ctx.db, ctx.dialect, ctx, {
    type: CLEANUP_JOB,
    runAt,
    ...(after ? { exceptId: after.jobId } : {}),
  });
}

/** The job handler: clean up, log the counts, queue tomorrow's run. */
export async function runCleanupJob(ctx: Ctx, jobId: string): Promise<void> {
  const result = await cleanupExpiredRecords(ctx);
  ctx.log.info({ job: CLEANUP_JOB, ...result }, 'maintenance clean-up done');
  await scheduleCleanup(ctx, { jobId });
}
