/** Durable jobs: rows in the `jobs` table with a run time, attempts, backoff and a dead state. */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Dialect } from '../db/connect.js';
import type { Database, JobTable } from '../db/schema.js';
import type { IdGenerator } from '../ids.js';

export type JobState = 'queued' | 'running' | 'done' | 'dead';
export type Job = JobTable;

export type EnqueueInput = {
  type: string;
  payload?: Record<string, unknown>;
  orgId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
};

export type JobDeps = { clock: Clock; ids: IdGenerator };

/** Adds a job; pass a transaction to make it part of the caller's write. Returns its id. */
export async function enqueueJob(db: Kysely<Database>, deps: JobDeps, input: EnqueueInput): Promise<string> {
  const now = deps.clock.now().toISOString();
  const id = deps.ids.next();
  await db
    .insertInto('jobs')
    .values({
      id,
      org_id: input.orgId ?? null,
      type: input.type,
      payload: JSON.stringify(input.payload ?? {}),
      run_at: (input.runAt ?? deps.clock.now()).toISOString(),
      state: 'queued',
      attempts: 0,
      max_attempts: input.maxAttempts ?? 5,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Delay before retry N (1-based): 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Queues a job of this type unless one is already queued or running (other than `exceptId`,
 * the job calling this for its own next run). Returns the id of the queued job, new or not.
 * On PostgreSQL, where several app nodes may start at once, callers are serialised by a
 * transaction-scoped advisory lock keyed by the type; SQLite has a single app process.
 */
export async function ensureJobQueued(
  db: Kysely<Database>,
  dialect: Dialect,
  deps: JobDeps,
  input: EnqueueInput & { exceptId?: string },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`job:${input.type}`}))`.execute(tx);
    let pending = tx
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', input.type)
      .where('state', 'in', ['queued', 'running']);
    if (input.exceptId) pending = pending.where('id', '!=', input.exceptId);
    const existing = await pending.orderBy('run_at').executeTakeFirst();
    if (existing) return existing.id;
    return enqueueJob(tx, deps, input);
  });
}
