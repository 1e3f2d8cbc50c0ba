import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { createPgDatabase, STORE_KINDS } from '../../../test/stores.js';
import { ManualClock } from '../clock.js';
import { openStore } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { uuidV7Ids } from '../ids.js';
import { backoffMs, ensureJobQueued } from './queue.js';

describe('backoff', () => {
  it('doubles from 10 seconds and stops growing at one hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(30)).toBe(3_600_000);
  });
});

describe.each(STORE_KINDS)('ensureJobQueued on %s', (kind) => {
  let server: TestServer;
  const deps = () => ({ clock: server.clock, ids: uuidV7Ids });
  const pending = () =>
    server.ctx.db.selectFrom('jobs').select(['id', 'state']).where('type', '=', 'test.daily').execute();

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await server.ctx.db.deleteFrom('jobs').execute();
  });

  it('queues a job once however often it is asked', async () => {
    const first = await ensureJobQueued(server.ctx.db, server.ctx.dialect, deps(), { type: 'test.daily' });
    const second = await ensureJobQueued(server.ctx.db, server.ctx.dialect, deps(), { type: 'test.daily' });
    expect(second).toBe(first);
    expect(await pending()).toHaveLength(1);
  });

  it('lets a running job queue its successor, but only one', async () => {
    const current = await ensureJobQueued(server.ctx.db, server.ctx.dialect, deps(), { type: 'test.daily' });
    await server.ctx.db.updateTable('jobs').set({ state: 'running' }).where('id', '=', current).execute();
    const next = await ensureJobQueued(server.ctx.db, server.ctx.dialect, deps(), {
      type: 'test.daily',
      exceptId: current,
    });
    expect(next).not.toBe(current);
    const again = await ensureJobQueued(server.ctx.db, server.ctx.dialect, deps(), {
      type: 'test.daily',
      exceptId: current,
    });
    expect(again).toBe(next);
    expect((await pending()).filter((j) => j.state === 'queued')).toHaveLength(1);
  });
});

describe('ensureJobQueued across app nodes on postgres', () => {
  it('queues one job when several nodes ask at the same moment', async () => {
    const database = await createPgDatabase();
    // Separate pools, as separate app nodes would have.
    const nodes = Array.from({ length: 4 }, () => openStore({ databaseUrl: database.url, sqlitePath: '' }));
    try {
      const [first] = nodes;
      if (!first) throw new Error('no store');
      await migrateToLatest(first.db, first.dialect);
      const deps = { clock: new ManualClock(), ids: uuidV7Ids };
      const ids = await Promise.all(
        nodes.flatMap((node) =>
          [1, 2, 3].map(() => ensureJobQueued(node.db, 'postgres', deps, { type: 'test.daily' })),
        ),
      );
      expect(new Set(ids).size).toBe(1);
      const rows = await first.db.selectFrom('jobs').select('id').where('type', '=', 'test.daily').execute();
      expect(rows).toHaveLength(1);
    } finally {
      for (const node of nodes) await node.close();
      await database.drop();
    }
  });
});
