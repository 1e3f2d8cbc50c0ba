import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { auditActions, bearer } from '../../../test/identity-helpers.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('API tokens on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: { authorization: string };
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
  });
  afterAll(() => server.close());

  const create = (auth: { authorization: string }, payload: object) =>
    server.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: auth, payload });
  const list = (auth: { authorization: string }) =>
    server.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: auth });

  it('creates a token shown once, which then works within its scopes', async () => {
    const res = await create(admin, {
      name: '考勤同步',
      scopes: ['api_token.manage', 'member.view'],
      expiresInDays: 30,
    });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created.token).toMatch(/^cat_/);
    expect(created).toMatchObject({
      name: '考勤同步',
      scopes: ['api_token.manage', 'member.view'],
      createdBy: { id: org.ownerId },
      revokedAt: null,
      expiresAt: new Date(server.clock.now().getTime() + 30 * 86_400_000).toISOString(),
    });
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const listed = await list(bearer(created.token));
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(created.token);
    const item = listed.json().items.find((t: { id: string }) => t.id === created.id);
    expect(item).toMatchObject({ name: '考勤同步', prefix: created.prefix });
    expect(item.token).toBeUndefined();

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(created.token) });
    expect(me.json().permissions).toEqual({ 'api_token.manage': 'org', 'member.view': 'org' });
    const entries = await auditActions(server, org.orgId, 'api_token.created');
    expect(entries.map((e) => e.target_id)).toContain(created.id);
    expect(JSON.stringify(entries)).not.toContain(created.token);
  });

  it('limits a token to its scopes', async () => {
    const { token } = (await create(admin, { name: 'read only', scopes: ['member.view'] })).json();
    const res = await list(bearer(token));
    expect(res.statusCode).toBe(403);
  });

  it('refuses scopes beyond what the creator holds', async () => {
    const hr = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, roles: ['member', 'hr'] });
    const hrAuth = await sessionFor(server.ctx, org.orgId, hr.id);
    // HR lacks api_token.manage altogether.
    expect((await create(hrAuth, { name: 'x', scopes: ['member.view'] })).statusCode).toBe(403);
    // A custom role with api_token.manage but not audit.view cannot mint an audit.view token.
    const roleId = server.ctx.ids.next();
    const now = server.clock.now().toISOString();
    await server.ctx.db
      .insertInto('roles')
      .values({
        id: roleId,
        org_id: org.orgId,
        builtin_key: null,
        name: '集成管理员',
        description: '',
        data_scope: 'org',
        require_totp: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await server.ctx.db
      .insertInto('role_permissions')
      .values({ org_id: org.orgId, role_id: roleId, permission: 'api_token.manage' })
      .execute();
    const integrator = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, roleIds: [roleId] });
    const auth = await sessionFor(server.ctx, org.orgId, integrator.id);
    const beyond = await create(auth, { name: 'too wide', scopes: ['api_token.manage', 'audit.view'] });
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json().error.details.scopes).toEqual(['audit.view']);
    expect((await create(auth, { name: 'fine', scopes: ['member.view'] })).statusCode).toBe(200);
  });

  it('answers 401 to a revoked token and lists it as revoked', async () => {
    const { id, token } = (await create(admin, { name: 'temp', scopes: ['api_token.manage'] })).json();
    expect((await list(bearer(token))).statusCode).toBe(200);
    const del = await server.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: admin });
    expect(del.statusCode).toBe(200);
    expect((await list(bearer(token))).statusCode).toBe(401);
    const item = (await list(admin)).json().items.find((t: { id: string }) => t.id === id);
    expect(item.revokedAt).toBe(server.clock.now().toISOString());
    expect((await auditActions(server, org.orgId, 'api_token.revoked')).map((e) => e.target_id)).toContain(id);
  });

  it('answers 401 to an expired token', async () => {
    const { token } = (await create(admin, { name: 'short', scopes: ['member.view'], expiresInDays: 1 })).json();
    server.clock.advance(86_400_000);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(
      401,
    );
    // The admin's test session lasts a day too.
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
  });

  it("hides and refuses to revoke another org's tokens", async () => {
    const { id, token } = (await create(admin, { name: 'ours', scopes: ['member.view'] })).json();
    const orgB = await makeOrg(server.ctx, '乙公司');
    const ownerB = await sessionFor(server.ctx, orgB.orgId, orgB.ownerId);
    expect((await list(ownerB)).json().items.map((t: { id: string }) => t.id)).not.toContain(id);
    const del = await server.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: ownerB });
    expect(del.statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(
      200,
    );
  });

  it('refuses logout with an API token', async () => {
    const { token } = (await create(admin, { name: 'bot', scopes: ['member.view'] })).json();
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid');
  });
});
