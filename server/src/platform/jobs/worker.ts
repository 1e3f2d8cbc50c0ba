/**
 * Runs due jobs. Claiming is one UPDATE … RETURNING; on PostgreSQL the candidate row is picked
 * with FOR UPDATE SKIP LOCKED so several app processes never take the same job. A claimed job
 * holds a lease; if its process dies, the job becomes due again when the lease runs out.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { backoffMs, type Job, type JobDeps } from './queue.js';

export type JobHandler = (job: Job, payload: Record<string, unknown>) => Promise<void>;

export type WorkerOptions = JobDeps & {
  db: Kysely<Database>;
  dialect: Dialect;
  log: Logger;
  workerId: string;
  leaseSeconds: number;
  pollMs: number;
};

export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly opts: WorkerOptions) {}

  /** Registers the handler for one job type; a type without a handler fails and retries. */
  handle(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /** Polls for due jobs until stop() is called. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.running = this.runDue()
        .catch((err: unknown) => this.opts.log.error({ err }, 'job worker tick failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.opts.pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs jobs until none is due; returns how many ran. Tests call it after moving the clock. */
  async runDue(limit = 100): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
      ran++;
    }
    return ran;
  }

  private async claim(): Promise<Job | undefined> {
    const { db, dialect, clock, workerId, leaseSeconds } = this.opts;
    const now = clock.now();
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
    return db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        locked_by: workerId,
        locked_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: nowIso,
      }))
      .where('id', '=', (eb) => {
        const due = eb
          .selectFrom('jobs')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('state', '=', 'queued'), w('run_at', '<=', nowIso)]),
              w.and([w('state', '=', 'running'), w('locked_until', '<', nowIso)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(1);
        return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      })
      .returningAll()
      .executeTakeFirst();
  }

  private async execute(job: Job): Promise<void> {
    const { db, clock, log, workerId } = this.opts;
    const handler = this.handlers.get(job.type);
    try {
      // Claimed again after its last attempt's lease ran out: the worker running it died (perhaps
      // because of this job), so give up rather than crash every worker that picks it up.
      if (job.attempts > job.max_attempts) throw new Error('the worker running the last attempt stopped mid-job');
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(job, JSON.parse(job.payload) as Record<string, unknown>);
      const doneAt = clock.now().toISOString();
      await db
        .updateTable('jobs')
        .set({ state: 'done', finished_at: doneAt, updated_at: doneAt, locked_by: null, locked_until: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts >= job.max_attempts;
      const now = clock.now();
      log.warn({ jobId: job.id, type: job.type, attempt: job.attempts, dead, err: message }, 'job failed');
      await db
        .updateTable('jobs')
        .set({
          state: dead ? 'dead' : 'queued',
          run_at: dead ? job.run_at : new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
          last_error: message.slice(0, 2000),
          locked_by: null,
          locked_until: null,
          updated_at: now.toISOString(),
          finished_at: dead ? now.toISOString() : null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .execute();
    }
  }
}
