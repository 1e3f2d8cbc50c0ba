import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { setUpFirstOrg } from './commands/set-up-first-org.js';

const BODY = {
  orgName: '星河科技',
  ownerName: '张三',
  email: 'Zhang.San@xinghe.example',
  password: 'Xinghe-Keji-2026!',
};

describe.each(STORE_KINDS)('first-run setup on %s', (kind) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(kind);
  });
  afterEach(async () => {
    await server.close();
  });

  const needsSetup = async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(res.statusCode).toBe(200);
    return (res.json() as { needsSetup: boolean }).needsSetup;
  };
  const orgCount = async () => (await server.ctx.db.selectFrom('orgs').select('id').execute()).length;
  const setUp = (payload: Record<string, unknown> = BODY) =>
    server.app.inject({ method: 'POST', url: '/api/v1/setup', payload });
  const demo = () => server.app.inject({ method: 'POST', url: '/api/v1/setup/demo' });

  it('creates the first org and its owner, signs the owner in, and closes setup for good', async () => {
    expect(await needsSetup()).toBe(true);
    const res = await setUp();
    expect(res.statusCode).toBe(200);
    const body = res.json() as { token: string; member: { name: string; email: string }; totpSetupRequired: boolean };
    expect(body.member).toMatchObject({ name: '张三', email: 'zhang.san@xinghe.example' });
    expect(body.totpSetupRequired).toBe(false);

    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(me.statusCode).toBe(200);
    const meBody = me.json() as { org: { name: string }; roles: { builtinKey: string | null }[] };
    expect(meBody.org.name).toBe('星河科技');
    expect(meBody.roles.map((r) => r.builtinKey)).toContain('owner');
    expect(await needsSetup()).toBe(false);

    const actions = await server.ctx.db.selectFrom('audit_log').select('action').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['org.created', 'auth.login']));

    const again = await setUp({ ...BODY, orgName: '第二家', email: 'other@xinghe.example' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/already done/) } });
    expect((await demo()).statusCode).toBe(409);
    expect(await orgCount()).toBe(1);
  });

  it('refuses a common password with 400 naming the field, and creates nothing', async () => {
    const res = await setUp({ ...BODY, password: 'password123' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid', details: { field: 'password' } } });
    expect(await orgCount()).toBe(0);
    expect(await needsSetup()).toBe(true);
  });

  it('refuses a malformed email, naming the setup field', async () => {
    const res = await setUp({ ...BODY, email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid', details: { field: 'email' } } });
    expect(await orgCount()).toBe(0);
  });

  it('refuses unknown fields in the body', async () => {
    const res = await setUp({ ...BODY, role: 'owner' });
    expect(res.statusCode).toBe(400);
    expect(await orgCount()).toBe(0);
  });

  it('loads the demo org, whose shown credentials sign in, and then setup is closed', async () => {
    const res = await demo();
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      token: string;
      member: { name: string };
      demo: { login: string; password: string };
    };
    expect(body.demo.login).toMatch(/^lin\.xiaowen@/);
    expect(body.demo.password.length).toBeGreaterThanOrEqual(12);
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect((me.json() as { org: { name: string } }).org.name).toBe('星河零售');

    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: body.demo.login, password: body.demo.password },
    });
    expect(login.statusCode).toBe(200);
    expect((login.json() as { member: { name: string } }).member.name).toBe(body.member.name);

    expect(await needsSetup()).toBe(false);
    expect((await setUp()).statusCode).toBe(409);
    expect((await demo()).statusCode).toBe(409);
    expect(await orgCount()).toBe(1);
  });

  it('creates exactly one org when two setups race', async () => {
    const [a, b] = await Promise.all([setUp(), setUp({ ...BODY, orgName: '抢跑公司', email: 'racer@xinghe.example' })]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    expect(await orgCount()).toBe(1);
    expect((await server.ctx.db.selectFrom('members').select('id').execute()).length).toBe(1);
  });

  it('creates exactly one org when a setup and a demo race', async () => {
    const [a, b] = await Promise.all([demo(), setUp()]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    expect(await orgCount()).toBe(1);
  });

  it.runIf(kind === 'postgres')('creates exactly one org when two nodes sharing the database race', async () => {
    // A second "node": same database, but its own in-process lock chain.
    const otherNode = { ...server.ctx, store: { ...server.ctx.store } };
    const meta = { ip: '127.0.0.1', userAgent: null, requestId: null };
    const results = await Promise.allSettled([
      setUpFirstOrg(server.ctx, BODY, meta),
      setUpFirstOrg(otherNode, { ...BODY, email: 'node2@xinghe.example' }, meta),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await orgCount()).toBe(1);
  });
});
