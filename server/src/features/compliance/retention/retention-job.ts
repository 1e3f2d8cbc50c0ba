/** The daily retention run over every org with a retention policy; queues its next run. */
import type { Ctx } from '../../../app/context.js';
import { ensureJobQueued } from '../../../platform/jobs/queue.js';
import type { AuditWho } from '../../audit/record.js';
import { purgeExpired } from './purge-expired.js';

export const RETENTION_JOB = 'archive.retention';
const DAY_MS = 86_400_000;

const SYSTEM: AuditWho = {
  kind: 'system',
  memberId: null,
  name: null,
  meta: { ip: null, userAgent: null, requestId: null },
};

export function scheduleRetention(ctx: Ctx, after?: { jobId: string }): Promise<string> {
  const runAt = after ? new Date(ctx.clock.now().getTime() + DAY_MS) : ctx.clock.now();
  return ensureJobQueued(ctx.db, ctx.dialect, ctx, {
    type: RETENTION_JOB,
    runAt,
    ...(after ? { exceptId: after.jobId } : {}),
  });
}

export async function runRetentionJob(ctx: Ctx, jobId: string): Promise<void> {
  const orgs = await ctx.db.selectFrom('archive_retention').select('org_id').execute();
  for (const { org_id: orgId } of orgs) {
    // Each run purges up to one batch per org; the next day continues where this one stopped.
    const result = await purgeExpired(ctx, orgId, SYSTEM);
    if (result.purged > 0)
      ctx.log.info({ job: RETENTION_JOB, orgId, purged: result.purged }, 'archive retention purge');
  }
  await scheduleRetention(ctx, { jobId });
}
