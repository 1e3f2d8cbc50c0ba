import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { CLEANUP_JOB, cleanupExpiredRecords, scheduleCleanup } from './cleanup.js';

const DAY = 24 * 3_600_000;

describe.each(STORE_KINDS)('maintenance clean-up on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  const daysAgo = (n: number) => new Date(server.clock.now().getTime() - n * DAY).toISOString();
  const queuedCleanups = () =>
    server.ctx.db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('type', '=', CLEANUP_JOB)
      .where('state', '=', 'queued')
      .execute();

  async function session(expiresDaysAgo: number, revokedDaysAgo: number | null): Promise<string> {
    const { sessionId } = await sessionFor(server.ctx, org.orgId, org.ownerId);
    await server.ctx.db
      .updateTable('sessions')
      .set({
        expires_at: daysAgo(expiresDaysAgo),
        revoked_at: revokedDaysAgo === null ? null : daysAgo(revokedDaysAgo),
      })
      .where('id', '=', sessionId)
      .execute();
    return sessionId;
  }

  async function failure(at: string): Promise<string> {
    const id = server.ctx.ids.next();
    await server.ctx.db
      .insertInto('auth_failures')
      .values({ id, org_id: null, key: 'account:x@example.com', at })
      .execute();
    return id;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
  });
  afterAll(() => server.close());

  it('deletes sessions ended over 30 days ago and day-old sign-in failures, keeping the rest', async () => {
    const expiredLongAgo = await session(31, null);
    const revokedLongAgo = await session(-10, 31);
    const expiredRecently = await session(29, null);
    const revokedRecently = await session(-10, 2);
    const live = await session(-1, null);
    const oldFailure = await failure(daysAgo(1.01));
    const recentFailure = await failure(daysAgo(0.5));

    await scheduleCleanup(server.ctx);
    expect(await server.runtime.worker.runDue()).toBe(1);

    const sessions = await server.ctx.db.selectFrom('sessions').select('id').execute();
    const kept = sessions.map((s) => s.id);
    expect(kept).toEqual(expect.arrayContaining([expiredRecently, revokedRecently, live]));
    expect(kept).not.toContain(expiredLongAgo);
    expect(kept).not.toContain(revokedLongAgo);
    const failures = (await server.ctx.db.selectFrom('auth_failures').select('id').execute()).map((f) => f.id);
    expect(failures).toContain(recentFailure);
    expect(failures).not.toContain(oldFailure);
  });

  it('deletes notifications read over 90 days ago or created over a year ago, keeping the rest', async () => {
    const note = async (createdDaysAgo: number, readDaysAgo: number | null) => {
      const id = server.ctx.ids.next();
      await server.ctx.db
        .insertInto('notifications')
        .values({
          id,
          org_id: org.orgId,
          member_id: org.ownerId,
          kind: 'follow_up_due',
          data: '{}',
          link: null,
          dedupe_key: id,
          created_at: daysAgo(createdDaysAgo),
          read_at: readDaysAgo === null ? null : daysAgo(readDaysAgo),
        })
        .execute();
      return id;
    };
    const readLongAgo = await note(120, 91);
    const readRecently = await note(120, 89);
    const unreadOld = await note(200, null);
    const unreadAncient = await note(366, null);
    expect((await cleanupExpiredRecords(server.ctx)).notifications).toBe(2);
    const kept = (await server.ctx.db.selectFrom('notifications').select('id').execute()).map((n) => n.id);
    expect(kept).toEqual(expect.arrayContaining([readRecently, unreadOld]));
    expect(kept).not.toContain(readLongAgo);
    expect(kept).not.toContain(unreadAncient);
  });

  it('queues itself for the next day, one run at a time', async () => {
    const queued = await queuedCleanups();
    expect(queued).toHaveLength(1);
    expect(queued[0]?.run_at).toBe(new Date(server.clock.now().getTime() + DAY).toISOString());

    // A restart asks again; nothing is added.
    await scheduleCleanup(server.ctx);
    expect(await queuedCleanups()).toHaveLength(1);
    expect(await server.runtime.worker.runDue()).toBe(0);

    server.clock.advance(DAY);
    const stale = await session(31, null);
    expect(await server.runtime.worker.runDue()).toBe(1);
    expect(await server.ctx.db.selectFrom('sessions').select('id').where('id', '=', stale).execute()).toHaveLength(0);
    const next = await queuedCleanups();
    expect(next).toHaveLength(1);
    expect(next[0]?.run_at).toBe(new Date(server.clock.now().getTime() + DAY).toISOString());
    const done = await server.ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', CLEANUP_JOB)
      .where('state', '=', 'done')
      .execute();
    expect(done).toHaveLength(2);
  });

  it('keeps failures still inside a lockout window longer than a day', async () => {
    const longWindow = await startTestServer(kind, {
      lockout: { accountMaxFailures: 5, addressMaxFailures: 20, windowMinutes: 3 * 24 * 60 },
    });
    try {
      const id = longWindow.ctx.ids.next();
      const at = new Date(longWindow.clock.now().getTime() - 2 * DAY).toISOString();
      await longWindow.ctx.db.insertInto('auth_failures').values({ id, org_id: null, key: 'k', at }).execute();
      await scheduleCleanup(longWindow.ctx);
      expect(await longWindow.runtime.worker.runDue()).toBe(1);
      expect(await longWindow.ctx.db.selectFrom('auth_failures').select('id').execute()).toEqual([{ id }]);
    } finally {
      await longWindow.close();
    }
  });
});
