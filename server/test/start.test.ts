/** `npm start` as an operator runs it: the built server process, a temp data dir, a free port. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'server/dist/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds only when the compiled server is missing or older than its sources (npm test has built it). */
function ensureBuilt(): void {
  const sources = Math.max(newestSource(join(ROOT, 'server/src')), newestSource(join(ROOT, 'protocol/src')));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
  try {
    execFileSync('npx', ['tsc', '-b', 'protocol', 'server'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere still emit JavaScript; the checks below use whatever was built.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

type Started = { child: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<number | null> };

function start(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (d: Buffer) => stdout.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

async function waitForHealth(url: string, started: Started, ms: number): Promise<Response> {
  const deadline = Date.now() + ms;
  let exitCode: number | null | undefined;
  void started.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}: ${started.stderr.join('')}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url} within ${ms} ms: ${started.stderr.join('')}`);
}

describe('npm start', () => {
  let dataDir: string;
  beforeAll(() => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'concord-start-'));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates a new SQLite database, answers /healthz within seconds and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const started = start({ CONCORD_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    try {
      const t0 = Date.now();
      const res = await waitForHealth(`http://127.0.0.1:${port}/healthz`, started, 10_000);
      expect(Date.now() - t0).toBeLessThan(10_000);
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
  });

  it('refuses to start with a bad setting and names it', async () => {
    const started = start({ CONCORD_DATA_DIR: dataDir, PORT: 'abc' });
    const code = await started.exited;
    expect(code).not.toBe(0);
    expect(started.stderr.join('')).toMatch(/PORT must be a whole number, got "abc"/);
  });
});
