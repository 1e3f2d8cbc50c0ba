/**
 * Hostile and malformed requests get a clear 4xx with a code, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, sessionFor, type TestOrg } from './factories.js';
import { startTestServer, type TestServer } from './harness.js';
import { STORE_KINDS } from './stores.js';

describe.each(STORE_KINDS)('bad input on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let authorization: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { bodyLimitBytes: 64 * 1024 });
    org = await makeOrg(server.ctx);
    authorization = (await sessionFor(server.ctx, org.orgId, org.ownerId)).authorization;
  });
  afterAll(() => server.close());

  const departmentCount = async () =>
    (await server.ctx.db.selectFrom('departments').select('id').where('org_id', '=', org.orgId).execute()).length;

  const post = (payload: string, contentType = 'application/json') =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { authorization, 'content-type': contentType },
      payload,
    });

  it('answers malformed JSON with 400 invalid', async () => {
    const res = await post('{"name": "销售部", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid');
    expect(res.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers wrong types, unknown fields and over-long strings with 400 naming the field', async () => {
    const cases = [
      { name: 42, parentId: org.rootDepartmentId },
      { name: '销售部', parentId: org.rootDepartmentId, isAdmin: true },
      { name: '部'.repeat(1000), parentId: org.rootDepartmentId },
      { name: '销售\u0000部', parentId: org.rootDepartmentId },
      { name: '销售部', parentId: "' OR 1=1 --" },
    ];
    for (const body of cases) {
      const res = await post(JSON.stringify(body));
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.json().error.code).toBe('invalid');
      expect(res.json().error.details).toBeDefined();
    }
    expect(await departmentCount()).toBe(1);
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await post(JSON.stringify({ name: 'x', parentId: org.rootDepartmentId, pad: 'a'.repeat(100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await departmentCount()).toBe(1);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await post('name=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('stores SQL and HTML injection strings as plain text', async () => {
    const name = `<script>alert(1)</script>'; DROP TABLE members; --`;
    const res = await post(JSON.stringify({ name, parentId: org.rootDepartmentId }));
    expect(res.statusCode).toBeLessThan(300);
    const listed = await server.app.inject({ method: 'GET', url: '/api/v1/departments', headers: { authorization } });
    expect(listed.json().items.map((d: { name: string }) => d.name)).toContain(name);
    const search = await server.app.inject({
      method: 'GET',
      url: `/api/v1/members?q=${encodeURIComponent("' OR '1'='1")}`,
      headers: { authorization },
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
  });

  it('refuses malformed ids with 400 before any lookup', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v1/members/not-an-id',
      headers: { authorization },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid');
  });

  it('sends security headers and a request id', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
