/** Liveness and readiness for load balancers and orchestrators. */
import { sql } from 'kysely';
import type { Ctx } from '../app/context.js';
import type { App } from './app-type.js';

export function installHealth(app: App, ctx: Ctx): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ready', store: ctx.dialect };
    } catch {
      return reply.status(503).send({ error: { code: 'internal', message: 'The store is not reachable' } });
    }
  });
}
