/** `npm start` as an operator runs it: the built server process, a temp data dir, a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt, freePort, startBuiltServer as start, waitForHealth } from './built-server.js';

describe('npm start', () => {
  let dataDir: string;
  beforeAll(() => {
    ensureServerBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'concord-start-'));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates a new SQLite database, answers /healthz within seconds and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const started = start({ CONCORD_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    try {
      // Generous: a loaded CI machine shares its two cores with the rest of the suite.
      const res = await waitForHealth(`http://127.0.0.1:${port}/healthz`, started, 30_000);
      expect(await res.json()).toEqual({ status: 'ok' });
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();

      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);

      // Logs are JSON lines, and the health check appears with its request id.
      const entries = started.stdout
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
      expect(entries.some((e) => e.reqId === requestId)).toBe(true);
      expect(entries.some((e) => e.msg === 'stopping')).toBe(true);

      const db = new SqliteDatabase(join(dataDir, 'concord.db'), { readonly: true });
      try {
        const migrations = db.prepare('select count(*) as n from kysely_migration').get() as { n: number };
        expect(migrations.n).toBeGreaterThan(0);
        const cleanup = db.prepare("select count(*) as n from jobs where type = 'maintenance.cleanup'").get() as {
          n: number;
        };
        expect(cleanup.n).toBeGreaterThanOrEqual(1);
      } finally {
        db.close();
      }
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses to start with a bad setting and names it', async () => {
    const started = start({ CONCORD_DATA_DIR: dataDir, PORT: 'abc' });
    const code = await started.exited;
    expect(code).not.toBe(0);
    expect(started.stderr.join('')).toMatch(/PORT must be a whole number, got "abc"/);
  });
});
