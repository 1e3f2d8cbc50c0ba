/**
 * The search index upgrade as a background job: queued at start when a migration left one
 * pending, it re-tokenizes a slice of docs per run and queues its next run at once, so the
 * server answers from the first second and a restart or another node picks it up where it was.
 */
import type { Ctx } from '../../../app/context.js';
import { ensureJobQueued } from '../../../platform/jobs/queue.js';
import { upgradeSearchIndexStep } from './upgrade-index.js';

export const SEARCH_UPGRADE_JOB = 'archive.search_upgrade';
/** Batches per run: about 20,000 docs, well inside a job's lease. */
const BATCHES_PER_RUN = 20;

/** Queues the upgrade job when an upgrade is pending and none is queued yet. */
export async function scheduleSearchUpgrade(ctx: Ctx, after?: { jobId: string }): Promise<void> {
  const pending = await ctx.db.selectFrom('archive_search_upgrades').select('name').executeTakeFirst();
  if (!pending) return;
  await ensureJobQueued(ctx.db, ctx.dialect, ctx, {
    type: SEARCH_UPGRADE_JOB,
    runAt: ctx.clock.now(),
    ...(after ? { exceptId: after.jobId } : {}),
  });
}

export async function runSearchUpgrade(ctx: Ctx, jobId: string): Promise<void> {
  const step = await upgradeSearchIndexStep(ctx, { maxBatches: BATCHES_PER_RUN });
  ctx.log.info(
    { job: SEARCH_UPGRADE_JOB, rewritten: step.rewritten, done: step.done },
    step.done ? 'archive search: index of earlier records upgraded' : 'archive search: upgrading',
  );
  if (!step.done) await scheduleSearchUpgrade(ctx, { jobId });
}
