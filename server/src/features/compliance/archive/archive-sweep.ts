/**
 * The archive's recurring job, every minute: catches up every archived org's conversations (in
 * case a live trigger was missed: a node stopped, Redis dropped a message) and signs a
 * checkpoint when the configured interval has passed since the last one.
 */
import type { Ctx } from '../../../app/context.js';
import { ensureJobQueued } from '../../../platform/jobs/queue.js';
import { latestCheckpoint, signHead } from './checkpoints.js';
import { syncOrg } from './sync-conversation.js';

export const ARCHIVE_SWEEP_JOB = 'archive.sweep';
const EVERY_MS = 60_000;

export async function sweepArchives(ctx: Ctx): Promise<{ records: number; checkpoints: number }> {
  const orgs = await ctx.db.selectFrom('archive_settings').select('org_id').where('enabled', '=', 1).execute();
  let records = 0;
  let checkpoints = 0;
  for (const { org_id: orgId } of orgs) {
    records += await syncOrg(ctx, orgId);
    const last = await latestCheckpoint(ctx, orgId);
    const due =
      !last || ctx.clock.now().getTime() - Date.parse(last.created_at) >= ctx.config.archive.checkpointMinutes * 60_000;
    if (due && (await signHead(ctx, orgId))) checkpoints += 1;
  }
  return { records, checkpoints };
}

export function scheduleArchiveSweep(ctx: Ctx, after?: { jobId: string }): Promise<string> {
  const runAt = after ? new Date(ctx.clock.now().getTime() + EVERY_MS) : ctx.clock.now();
  return ensureJobQueued(ctx.db, ctx.dialect, ctx, {
    type: ARCHIVE_SWEEP_JOB,
    runAt,
    ...(after ? { exceptId: after.jobId } : {}),
  });
}

export async function runArchiveSweep(ctx: Ctx, jobId: string): Promise<void> {
  const result = await sweepArchives(ctx);
  if (result.records > 0 || result.checkpoints > 0)
    ctx.log.info({ job: ARCHIVE_SWEEP_JOB, ...result }, 'archive sweep');
  await scheduleArchiveSweep(ctx, { jobId });
}
