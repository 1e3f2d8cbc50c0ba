/**
 * The OpenAPI document, built from the route schemas without a running server or a database
 * file; the web console's typed client is generated from it.
 */
import pino from 'pino';
import { openStore } from '../platform/db/connect.js';
import { buildApp } from './build-app.js';
import { loadConfig } from './config.js';
import { createRuntime } from './runtime.js';

export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const runtime = await createRuntime({
    config: { ...loadConfig({}), logLevel: 'silent' },
    store: openStore({ sqlitePath: ':memory:' }),
    log: pino({ level: 'silent' }),
  });
  try {
    const app = await buildApp(runtime.ctx);
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await runtime.close();
  }
}
