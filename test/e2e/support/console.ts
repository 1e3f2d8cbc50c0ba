/**
 * A real Concord server (built server + built console) on a fresh SQLite database, and a
 * headless Chromium from Debian's package, for journeys through the console.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import {
  ensureServerBuilt,
  freePort,
  ROOT,
  type Started,
  startBuiltServer,
  waitForHealth,
} from '../../../server/test/built-server.js';

export const CHROMIUM = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

export type RunningConsole = { url: string; dataDir: string; server: Started; stop(): Promise<void> };

/** Builds the console when `npm test` has not already (npm test builds before testing). */
function ensureWebBuilt(): void {
  if (existsSync(join(ROOT, 'web/dist/index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** `env`: extra environment for the server (e.g. SMTP_URL of a test's mail server). */
export async function startConsole(env: Record<string, string> = {}): Promise<RunningConsole> {
  ensureServerBuilt();
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
  const port = await freePort();
  const server = startBuiltServer({ CONCORD_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env });
  const url = `http://127.0.0.1:${port}`;
  // Generous: the server may start while the rest of the suite keeps both cores busy.
  await waitForHealth(`${url}/healthz`, server, 45_000);
  return {
    url,
    dataDir,
    server,
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a full-page screenshot under test-results/screenshots as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
