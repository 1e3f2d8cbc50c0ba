import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { createPgDatabase, STORE_KINDS } from '../../../test/stores.js';
import { ManualClock } from '../clock.js';
import { openStore, type Store } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { uuidV7Ids } from '../ids.js';
import { backoffMs, enqueueJob } from './queue.js';
import { type JobHandler, JobWorker } from './worker.js';

const silent = pino({ level: 'silent' });
const LEASE_SECONDS = 300;

function workerOn(store: Pick<Store, 'db' | 'dialect'>, clock: ManualClock, workerId: string): JobWorker {
  return new JobWorker({
    db: store.db,
    dialect: store.dialect,
    clock,
    ids: uuidV7Ids,
    log: silent,
    workerId,
    leaseSeconds: LEASE_SECONDS,
    pollMs: 1000,
  });
}

describe.each(STORE_KINDS)('job worker on %s', (kind) => {
  let server: TestServer;
  let clock: ManualClock;
  const store = () => ({ db: server.ctx.db, dialect: server.ctx.dialect });
  const enqueue = (input: Parameters<typeof enqueueJob>[2]) =>
    enqueueJob(server.ctx.db, { clock, ids: uuidV7Ids }, input);
  const jobRow = (id: string) =>
    server.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer(kind);
    clock = server.clock;
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await server.ctx.db.deleteFrom('jobs').execute();
  });

  it('runs a due job exactly once and marks it done', async () => {
    const worker = workerOn(store(), clock, 'w1');
    const seen: unknown[] = [];
    worker.handle('test.echo', async (_job, payload) => {
      seen.push(payload);
    });
    const id = await enqueue({ type: 'test.echo', payload: { text: '你好' } });
    const ranAt = clock.now().toISOString();
    expect(await worker.runDue()).toBe(1);
    expect(await worker.runDue()).toBe(0);
    clock.advance(3_600_000);
    expect(await worker.runDue()).toBe(0);
    expect(seen).toEqual([{ text: '你好' }]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ state: 'done', attempts: 1, locked_by: null, finished_at: ranAt });
  });

  it('leaves a job scheduled in the future alone until the clock passes its time', async () => {
    const worker = workerOn(store(), clock, 'w1');
    let runs = 0;
    worker.handle('test.later', async () => {
      runs++;
    });
    await enqueue({ type: 'test.later', runAt: new Date(clock.now().getTime() + 60 * 60_000) });
    expect(await worker.runDue()).toBe(0);
    clock.advance(59 * 60_000);
    expect(await worker.runDue()).toBe(0);
    clock.advance(60_000);
    expect(await worker.runDue()).toBe(1);
    expect(runs).toBe(1);
  });

  it('retries a failing job with growing backoff and ends it dead with the last error', async () => {
    const worker = workerOn(store(), clock, 'w1');
    let runs = 0;
    worker.handle('test.flaky', async () => {
      runs++;
      throw new Error(`下游服务不可用 #${runs}`);
    });
    const id = await enqueue({ type: 'test.flaky', maxAttempts: 3 });

    expect(await worker.runDue()).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, last_error: '下游服务不可用 #1' });
    expect(row.run_at).toBe(new Date(clock.now().getTime() + backoffMs(1)).toISOString());

    clock.advance(backoffMs(1) - 1);
    expect(await worker.runDue()).toBe(0);
    clock.advance(1);
    expect(await worker.runDue()).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ state: 'queued', attempts: 2 });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(row.run_at).toBe(new Date(clock.now().getTime() + backoffMs(2)).toISOString());

    clock.advance(backoffMs(2));
    expect(await worker.runDue()).toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ state: 'dead', attempts: 3, last_error: '下游服务不可用 #3' });
    expect(row.finished_at).toBe(clock.now().toISOString());

    clock.advance(24 * 3_600_000);
    expect(await worker.runDue()).toBe(0);
    expect(runs).toBe(3);
  });

  it('fails a job whose type has no handler, saying so', async () => {
    const worker = workerOn(store(), clock, 'w1');
    const id = await enqueue({ type: 'test.unknown', maxAttempts: 1 });
    expect(await worker.runDue()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ state: 'dead', last_error: 'no handler for job type test.unknown' });
  });

  it('hands a job held by a worker that died to another worker once the lease runs out', async () => {
    const dying = workerOn(store(), clock, 'dying');
    const healthy = workerOn(store(), clock, 'healthy');
    let release: () => void = () => {};
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const claimed = new Promise<void>((resolve) => {
      started = resolve;
    });
    dying.handle('test.lease', async () => {
      started();
      await stuck; // the process "hangs" here, as if it had died mid-job
    });
    const runsByHealthy: string[] = [];
    healthy.handle('test.lease', async (job) => {
      runsByHealthy.push(job.id);
    });
    const id = await enqueue({ type: 'test.lease' });
    const dyingRun = dying.runDue();
    await claimed;
    expect(await jobRow(id)).toMatchObject({ state: 'running', locked_by: 'dying' });

    expect(await healthy.runDue()).toBe(0);
    clock.advance(LEASE_SECONDS * 1000 - 1);
    expect(await healthy.runDue()).toBe(0);
    clock.advance(2);
    expect(await healthy.runDue()).toBe(1);
    expect(runsByHealthy).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2, locked_by: null });

    // The stale worker finishing late must not overwrite the other worker's outcome.
    release();
    await dyingRun;
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('gives up on a job whose last attempt never finished instead of running it again', async () => {
    const id = await enqueue({ type: 'test.crashy', maxAttempts: 2 });
    const leaseUntil = new Date(clock.now().getTime() + LEASE_SECONDS * 1000).toISOString();
    // What a worker that crashed during the last attempt leaves behind.
    await server.ctx.db
      .updateTable('jobs')
      .set({ state: 'running', attempts: 2, locked_by: 'crashed', locked_until: leaseUntil })
      .where('id', '=', id)
      .execute();
    const worker = workerOn(store(), clock, 'w2');
    let runs = 0;
    worker.handle('test.crashy', async () => {
      runs++;
    });
    clock.advance(LEASE_SECONDS * 1000 + 1);
    expect(await worker.runDue()).toBe(1);
    expect(runs).toBe(0);
    expect(await jobRow(id)).toMatchObject({ state: 'dead' });
    expect((await jobRow(id)).last_error).toMatch(/stopped mid-job/);
  });

  it('stops polling when stopped, finishing the job in hand', async () => {
    const worker = workerOn(store(), clock, 'w1');
    const done: string[] = [];
    worker.handle('test.poll', async (job) => {
      done.push(job.id);
    });
    const id = await enqueue({ type: 'test.poll' });
    worker.start();
    // Wait for the poll to pick the job up (bounded: the database round trip takes real time).
    const deadline = Date.now() + 10_000;
    while (done.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await worker.stop();
    expect(done).toEqual([id]);
  });
});

describe('job workers in separate processes on postgres', () => {
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  let stores: Store[] = [];
  beforeAll(async () => {
    database = await createPgDatabase();
    stores = [0, 1].map(() => openStore({ databaseUrl: database.url, sqlitePath: '' }));
    const first = stores[0];
    if (!first) throw new Error('no store');
    await migrateToLatest(first.db, first.dialect);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await database.drop();
  });

  it('runs each of 200 jobs exactly once when two connection pools race for them', async () => {
    const clock = new ManualClock();
    const [a, b] = stores;
    if (!a || !b) throw new Error('no store');
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push(await enqueueJob(a.db, { clock, ids: uuidV7Ids }, { type: 'test.count', payload: { i } }));
    const executions = new Map<string, number>();
    const count: JobHandler = async (job) => {
      executions.set(job.id, (executions.get(job.id) ?? 0) + 1);
      await new Promise((r) => setImmediate(r));
    };
    // Two workers per pool, four claimers in all, each looping until nothing is due.
    const workers = [a, a, b, b].map((s, i) => {
      const w = workerOn(s, clock, `node-${i}`);
      w.handle('test.count', count);
      return w;
    });
    const ran = await Promise.all(workers.map((w) => w.runDue(1000)));
    expect(ran.reduce((x, y) => x + y, 0)).toBe(200);
    expect(ran.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(executions.size).toBe(200);
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    const states = await a.db.selectFrom('jobs').select('state').where('id', 'in', ids).execute();
    expect(states.every((r) => r.state === 'done')).toBe(true);
  });
});
