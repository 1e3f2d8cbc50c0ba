/** Wires each feature's job handlers into the worker, and queues the recurring jobs at start. */
import {
  ARCHIVE_SWEEP_JOB,
  runArchiveSweep,
  scheduleArchiveSweep,
} from '../features/compliance/archive/archive-sweep.js';
import { RETENTION_JOB, runRetentionJob, scheduleRetention } from '../features/compliance/retention/retention-job.js';
import { runSearchUpgrade, SEARCH_UPGRADE_JOB, scheduleSearchUpgrade } from '../features/compliance/search/index.js';
import { ALERT_DIGEST_JOB, runAlertDigest, scheduleAlertDigest } from '../features/compliance/sensitive/index.js';
import {
  FOLLOW_UP_REMINDER_JOB,
  runFollowUpReminder,
  runTransferDue,
  TRANSFER_DUE_JOB,
} from '../features/customers/index.js';
import { CLEANUP_JOB, runCleanupJob, scheduleCleanup } from '../features/maintenance/index.js';
import { MASS_MESSAGE_SEND_JOB, runMassMessageSend } from '../features/mass-messages/index.js';
import { runTodoReminder, TODO_REMINDER_JOB } from '../features/messaging/index.js';
import { RESPONSE_ALERT_JOB, runOverdueAlerts, scheduleOverdueAlerts } from '../features/response-time/index.js';
import type { JobWorker } from '../platform/jobs/worker.js';
import type { Ctx } from './context.js';

export function registerJobHandlers(ctx: Ctx, worker: JobWorker): void {
  worker.handle(CLEANUP_JOB, (job) => runCleanupJob(ctx, job.id));
  worker.handle(ARCHIVE_SWEEP_JOB, (job) => runArchiveSweep(ctx, job.id));
  worker.handle(RETENTION_JOB, (job) => runRetentionJob(ctx, job.id));
  worker.handle(ALERT_DIGEST_JOB, (job) => runAlertDigest(ctx, job.id));
  worker.handle(SEARCH_UPGRADE_JOB, (job) => runSearchUpgrade(ctx, job.id));
  worker.handle(TODO_REMINDER_JOB, (job, payload) => runTodoReminder(ctx, job.org_id, payload));
  worker.handle(FOLLOW_UP_REMINDER_JOB, (job, payload) => runFollowUpReminder(ctx, job.org_id, payload));
  worker.handle(TRANSFER_DUE_JOB, (job, payload) => runTransferDue(ctx, job.org_id, payload));
  worker.handle(RESPONSE_ALERT_JOB, (job) => runOverdueAlerts(ctx, job.id));
  worker.handle(MASS_MESSAGE_SEND_JOB, (job, payload) => runMassMessageSend(ctx, job.org_id, payload));
}

/** Recurring jobs that must always have a next run; `serve` calls this before the worker starts. */
export async function ensureRecurringJobs(ctx: Ctx): Promise<void> {
  await scheduleCleanup(ctx);
  await scheduleArchiveSweep(ctx);
  await scheduleRetention(ctx);
  await scheduleAlertDigest(ctx);
  // An index upgrade a migration left pending (it needs the archive's keys, so not in the migration).
  await scheduleSearchUpgrade(ctx);
  await scheduleOverdueAlerts(ctx);
}
