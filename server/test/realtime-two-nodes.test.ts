/**
 * Two server processes on one PostgreSQL database and one Redis: a message sent through node A
 * reaches a client on node B, and after that client reconnects to node A it catches up exactly
 * once, in order.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../src/app/runtime.js';
import { openStore } from '../src/platform/db/connect.js';
import { ensureServerBuilt, freePort, type Started, startBuiltServer, waitForHealth } from './built-server.js';
import { testConfig } from './harness.js';
import { isConsecutive, makeGroup, orgWithPeople, type Person, ResumingViewer } from './realtime-helpers.js';
import { createPgDatabase } from './stores.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('realtime across two server processes (PostgreSQL + Redis)', () => {
  let database: { url: string; drop(): Promise<void> };
  let seed: Runtime;
  let dataDir: string;
  const nodes: Array<{ url: string; started: Started }> = [];
  let sender: Person;
  let receiver: Person;
  let group: string;

  beforeAll(async () => {
    ensureServerBuilt();
    database = await createPgDatabase();
    // Migrate and seed with the real clock (the nodes check session expiry against it).
    const config = testConfig({ databaseUrl: database.url });
    seed = await createRuntime({ config, store: openStore({ databaseUrl: database.url, sqlitePath: '' }) });
    const made = await orgWithPeople(seed.ctx, ['节点甲用户', '节点乙用户']);
    [sender, receiver] = made.people as [Person, Person];
    group = await makeGroup(seed.ctx, made.org.orgId, [sender.id, receiver.id]);

    dataDir = mkdtempSync(join(tmpdir(), 'concord-nodes-'));
    const prefix = `test-${randomUUID()}`;
    for (let n = 0; n < 2; n++) {
      const port = await freePort();
      const started = startBuiltServer({
        DATABASE_URL: database.url,
        REDIS_URL,
        CONCORD_REDIS_PREFIX: prefix,
        PORT: String(port),
        CONCORD_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      const url = `http://127.0.0.1:${port}`;
      nodes.push({ url, started });
      await waitForHealth(`${url}/healthz`, started, 20_000);
    }
  }, 120_000);

  afterAll(async () => {
    for (const { started } of nodes) {
      if (started.child.exitCode === null) started.child.kill('SIGTERM');
      await started.exited;
    }
    await seed?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const sendVia = async (node: { url: string }, n: number) => {
    const res = await fetch(`${node.url}/api/v1/conversations/${group}/messages`, {
      method: 'POST',
      headers: { authorization: sender.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ clientMsgId: `node-${n}`, body: `跨节点消息 ${n}` }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { seq: number }).seq;
  };

  it('delivers through node A to a client on node B, and catches up once after reconnecting to A', async () => {
    const [a, b] = nodes as [{ url: string; started: Started }, { url: string; started: Started }];
    const viewer = new ResumingViewer(receiver.token, group);
    await viewer.connect(b.url);

    for (let n = 1; n <= 5; n++) await sendVia(a, n);
    await viewer.reach(5);
    expect(viewer.seen.map((e) => e.payload.body)).toEqual([1, 2, 3, 4, 5].map((n) => `跨节点消息 ${n}`));

    viewer.drop();
    for (let n = 6; n <= 15; n++) await sendVia(a, n);
    await viewer.connect(a.url);
    // Live again, now through node B while the client sits on node A.
    for (let n = 16; n <= 20; n++) await sendVia(b, n);
    await viewer.reach(20);
    await viewer.close();

    expect(isConsecutive(viewer.seen.map((e) => e.seq))).toBe(true);
    expect(viewer.seen).toHaveLength(20);
    expect(viewer.seen.map((e) => e.payload.body)).toEqual(Array.from({ length: 20 }, (_, i) => `跨节点消息 ${i + 1}`));
  }, 60_000);

  it('stops cleanly, closing its Redis connections, on SIGTERM', async () => {
    for (const { started } of nodes) started.child.kill('SIGTERM');
    expect(await Promise.all(nodes.map((n) => n.started.exited))).toEqual([0, 0]);
  }, 30_000);
});
