import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Auth = { authorization: string };

describe.each(STORE_KINDS)('org settings on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: Auth;
  let plain: Auth;

  const patch = (auth: Auth, payload: object) =>
    server.app.inject({ method: 'PATCH', url: '/api/v1/org', headers: auth, payload });
  const getOrg = (auth: Auth) => server.app.inject({ method: 'GET', url: '/api/v1/org', headers: auth });
  const rootName = async () =>
    (
      await server.ctx.db
        .selectFrom('departments')
        .select('name')
        .where('org_id', '=', org.orgId)
        .where('parent_id', 'is', null)
        .executeTakeFirstOrThrow()
    ).name;

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '星辰科技');
    const a = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, roles: ['admin', 'member'] });
    const p = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    admin = await sessionFor(server.ctx, org.orgId, a.id);
    plain = await sessionFor(server.ctx, org.orgId, p.id);
  });
  afterAll(() => server.close());

  it('shows any member their org', async () => {
    const res = await getOrg(plain);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: org.orgId, name: '星辰科技', settings: { requireTotp: false } });
  });

  it('refuses changes from a member without org.manage', async () => {
    expect((await patch(plain, { name: '篡改' })).statusCode).toBe(403);
    expect((await getOrg(plain)).json().name).toBe('星辰科技');
  });

  it('refuses an unknown field with 400 and changes nothing', async () => {
    const res = await patch(admin, { name: '新名字', logo: 'x.png' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].unknownField).toBe('logo');
    expect((await getOrg(admin)).json().name).toBe('星辰科技');
    expect(await rootName()).toBe('星辰科技');
  });

  it('renames the org and its root department, and records before and after', async () => {
    const res = await patch(admin, { name: '  星辰集团  ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('星辰集团');
    expect(await rootName()).toBe('星辰集团');
    const entry = await server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'org.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before ?? 'null')).toEqual({ name: '星辰科技', requireTotp: false });
    expect(JSON.parse(entry.after ?? 'null')).toEqual({ name: '星辰集团', requireTotp: false });
  });

  it('requires two-factor setup of every member once the org turns it on', async () => {
    const res = await patch(admin, { requireTotp: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toEqual({ requireTotp: true });
    const blocked = await server.app.inject({ method: 'GET', url: '/api/v1/roles', headers: plain });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_setup_required');
    expect((await getOrg(plain)).json().settings.requireTotp).toBe(true);
  });
});
