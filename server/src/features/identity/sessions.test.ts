import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeDepartment,
  makeMember,
  makeOrg,
  sessionFor,
  TEST_PASSWORD,
  type TestOrg,
} from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { auditActions, bearer, login } from '../../../test/identity-helpers.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { revokeMemberSessions } from './index.js';

describe.each(STORE_KINDS)('sessions on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
  });
  afterAll(() => server.close());

  const signIn = async (email: string, ip = '10.1.0.1') => {
    const res = await login(server, email, TEST_PASSWORD, { ip });
    expect(res.statusCode).toBe(200);
    return bearer(res.json().token as string);
  };
  const get = (url: string, headers: { authorization: string }) => server.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: { authorization: string }) => server.app.inject({ method: 'POST', url, headers });

  it('lists your live sessions, marking the current one, and revokes one of them', async () => {
    const member = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const laptop = await signIn(member.email, '10.1.0.1');
    const phone = await signIn(member.email, '10.1.0.2');
    const list = await get('/api/v1/me/sessions', laptop);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; ip: string; current: boolean }[];
    expect(items).toHaveLength(2);
    const phoneSession = items.find((s) => s.ip === '10.1.0.2');
    expect(items.find((s) => s.ip === '10.1.0.1')?.current).toBe(true);
    expect(phoneSession?.current).toBe(false);

    const del = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneSession?.id}`,
      headers: laptop,
    });
    expect(del.statusCode).toBe(200);
    expect((await get('/api/v1/me', phone)).statusCode).toBe(401);
    expect((await get('/api/v1/me', laptop)).statusCode).toBe(200);
    expect((await get('/api/v1/me/sessions', laptop)).json().items).toHaveLength(1);
    expect((await auditActions(server, org.orgId, 'session.revoked')).map((e) => e.target_id)).toContain(
      phoneSession?.id,
    );
  });

  it("answers 404 when revoking someone else's session", async () => {
    const a = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const b = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const aSession = await sessionFor(server.ctx, org.orgId, a.id);
    const bSession = await sessionFor(server.ctx, org.orgId, b.id);
    const del = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${aSession.sessionId}`,
      headers: { authorization: bSession.authorization },
    });
    expect(del.statusCode).toBe(404);
    expect((await get('/api/v1/me', { authorization: aSession.authorization })).statusCode).toBe(200);
  });

  it('signs out every other device but keeps the current session', async () => {
    const member = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const here = await signIn(member.email);
    const other1 = await signIn(member.email);
    const other2 = await signIn(member.email);
    const res = await post('/api/v1/me/sessions/revoke-others', here);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await get('/api/v1/me', other1)).statusCode).toBe(401);
    expect((await get('/api/v1/me', other2)).statusCode).toBe(401);
    expect((await get('/api/v1/me', here)).statusCode).toBe(200);
    const entries = await auditActions(server, org.orgId, 'session.revoked_all');
    expect(entries.some((e) => e.actor_id === member.id && e.target_id === member.id)).toBe(true);
  });

  it('ends every session of a member through revokeMemberSessions', async () => {
    const member = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const one = await signIn(member.email);
    const two = await signIn(member.email);
    const ended = await server.ctx.db
      .transaction()
      .execute((tx) => revokeMemberSessions(server.ctx, tx, org.orgId, member.id, 'disabled'));
    expect(ended).toBe(2);
    expect((await get('/api/v1/me', one)).statusCode).toBe(401);
    expect((await get('/api/v1/me', two)).statusCode).toBe(401);
  });

  it('lets an HR admin list and end a member’s sessions; a plain member gets 403', async () => {
    const hr = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, roles: ['member', 'hr'] });
    const target = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const plain = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const targetAuth = await signIn(target.email);
    const hrAuth = await signIn(hr.email);
    const plainAuth = await signIn(plain.email);

    expect((await get(`/api/v1/members/${target.id}/sessions`, plainAuth)).statusCode).toBe(403);
    expect((await post(`/api/v1/members/${target.id}/sessions/revoke`, plainAuth)).statusCode).toBe(403);
    expect((await get('/api/v1/me', targetAuth)).statusCode).toBe(200);

    const list = await get(`/api/v1/members/${target.id}/sessions`, hrAuth);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const revoke = await post(`/api/v1/members/${target.id}/sessions/revoke`, hrAuth);
    expect(revoke.json()).toEqual({ revoked: 1 });
    expect((await get('/api/v1/me', targetAuth)).statusCode).toBe(401);
    const entries = await auditActions(server, org.orgId, 'session.revoked_all');
    expect(entries.some((e) => e.actor_id === hr.id && e.target_id === target.id)).toBe(true);
  });

  it('hides members outside a supervisor’s departments (404)', async () => {
    const sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
    const support = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '客服部');
    // Only the supervisor role: member.view reaches the supervisor's own department tree.
    const boss = await makeMember(server.ctx, org, { departmentId: sales, roles: ['supervisor'] });
    const inTeam = await makeMember(server.ctx, org, { departmentId: sales });
    const outside = await makeMember(server.ctx, org, { departmentId: support });
    const auth = await sessionFor(server.ctx, org.orgId, boss.id);
    expect((await get(`/api/v1/members/${inTeam.id}/sessions`, auth)).statusCode).toBe(200);
    expect((await get(`/api/v1/members/${outside.id}/sessions`, auth)).statusCode).toBe(404);
    expect((await post(`/api/v1/members/${outside.id}/sessions/revoke`, auth)).statusCode).toBe(404);
  });

  it("answers 404 to another org's admin for a member's sessions", async () => {
    const orgB = await makeOrg(server.ctx, '乙公司');
    const victim = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId });
    const victimAuth = await signIn(victim.email);
    const ownerB = await sessionFor(server.ctx, orgB.orgId, orgB.ownerId);
    expect((await get(`/api/v1/members/${victim.id}/sessions`, ownerB)).statusCode).toBe(404);
    expect((await post(`/api/v1/members/${victim.id}/sessions/revoke`, ownerB)).statusCode).toBe(404);
    const list = await get('/api/v1/me/sessions', victimAuth);
    const del = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${list.json().items[0].id}`,
      headers: ownerB,
    });
    expect(del.statusCode).toBe(404);
    expect((await get('/api/v1/me', victimAuth)).statusCode).toBe(200);
  });
});
