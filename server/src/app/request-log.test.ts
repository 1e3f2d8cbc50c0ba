import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, sessionFor, TEST_PASSWORD, type TestOrg } from '../../test/factories.js';
import { testConfig } from '../../test/harness.js';
import { openTestStore, STORE_KINDS, type TestStore } from '../../test/stores.js';
import type { App } from '../http/app-type.js';
import { ManualClock } from '../platform/clock.js';
import { loggerOptions } from '../platform/log.js';
import { buildApp } from './build-app.js';
import { createRuntime, type Runtime } from './runtime.js';

describe.each(STORE_KINDS)('request log on %s', (kind) => {
  const lines: string[] = [];
  let store: TestStore;
  let runtime: Runtime;
  let app: App;
  let org: TestOrg;

  beforeAll(async () => {
    store = await openTestStore(kind);
    // The production logger settings, writing into memory at the most talkative level.
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const log = pino(loggerOptions('trace'), sink);
    runtime = await createRuntime({ config: testConfig(), clock: new ManualClock(), store: store.store, log });
    app = await buildApp(runtime.ctx);
    await app.ready();
    org = await makeOrg(runtime.ctx);
  });
  afterAll(async () => {
    await app.close();
    await runtime.worker.stop();
    await store.drop();
  });

  it('never writes passwords, bearer tokens or issued tokens, yet logs each request with its id', async () => {
    const wrong = 'Wrong-Secret-密码-9137';
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: org.ownerEmail, password: wrong },
    });
    expect(bad.statusCode).toBe(401);
    const good = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: org.ownerEmail, password: TEST_PASSWORD },
    });
    expect(good.statusCode).toBe(200);
    const issued = String((good.json() as { token?: unknown }).token ?? '');
    expect(issued.length).toBeGreaterThan(20);

    const { authorization } = await sessionFor(runtime.ctx, org.orgId, org.ownerId);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
    expect(me.statusCode).toBe(200);
    // Whatever code logs a request or a body on purpose, redaction still applies.
    runtime.ctx.log.info({ req: { headers: { authorization } }, body: { password: wrong } }, 'explicit');

    const output = lines.join('\n');
    expect(lines.length).toBeGreaterThan(4);
    for (const secret of [wrong, TEST_PASSWORD, issued, authorization, authorization.slice(7)]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');

    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
    const ids = [bad, good, me].map((r) => String(r.headers['x-request-id']));
    for (const id of ids) {
      expect(entries.some((e) => e.reqId === id && e.msg === 'incoming request')).toBe(true);
    }
  });
});
