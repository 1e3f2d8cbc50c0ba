import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('store on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  it('migrates a fresh database and serves /healthz and /readyz', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', store: kind });
  });

  it('refuses to update or delete audit entries at the database level', async () => {
    const org = await makeOrg(server.ctx);
    const entry = await server.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('org_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    await expect(
      server.ctx.db.updateTable('audit_log').set({ action: 'x' }).where('id', '=', entry.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(server.ctx.db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(
      /append-only/,
    );
    const count = await sql<{ n: number }>`select count(*) as n from audit_log where id = ${entry.id}`.execute(
      server.ctx.db,
    );
    expect(Number(count.rows[0]?.n)).toBe(1);
  });

  it('answers unknown routes with a JSON not_found error', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('publishes an OpenAPI 3.1 document at /api/docs/json', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
  });

  it('exposes Prometheus metrics', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('concord_http_requests_total');
  });
});
