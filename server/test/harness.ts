/**
 * A Concord server for tests: fresh store of the chosen kind, manual clock, cheap password
 * hashing, silent logs, and the Fastify app for `inject()` requests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../src/app/build-app.js';
import { type Config, loadConfig } from '../src/app/config.js';
import type { Ctx } from '../src/app/context.js';
import { createRuntime, type Runtime } from '../src/app/runtime.js';
import type { App } from '../src/http/app-type.js';
import { ManualClock } from '../src/platform/clock.js';
import { openTestStore, type StoreKind } from './stores.js';

export type TestServer = {
  kind: StoreKind;
  ctx: Ctx;
  app: App;
  clock: ManualClock;
  runtime: Runtime;
  close(): Promise<void>;
};

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    // Files (attachments) go to a throwaway folder, never into the checkout's ./data.
    dataDir: mkdtempSync(join(tmpdir(), 'concord-test-')),
    logLevel: 'silent',
    passwordHash: { memoryCost: 1024, timeCost: 1 },
    ...overrides,
  };
}

export async function startTestServer(kind: StoreKind, overrides: Partial<Config> = {}): Promise<TestServer> {
  const testStore = await openTestStore(kind);
  const clock = new ManualClock();
  const config = testConfig(overrides);
  const runtime = await createRuntime({ config, clock, store: testStore.store, log: pino({ level: 'silent' }) });
  const app = await buildApp(runtime.ctx);
  await app.ready();
  return {
    kind,
    ctx: runtime.ctx,
    app,
    clock,
    runtime,
    async close() {
      await app.close();
      await runtime.worker.stop();
      await runtime.ctx.bus.drain();
      await testStore.drop();
    },
  };
}
