import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, TEST_PASSWORD, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { auditActions, bearer, login, uniqueMobile } from '../../../test/identity-helpers.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('sign-in on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
  });
  afterAll(() => server.close());

  const newMember = async (extra: { mobile?: string } = {}) =>
    makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '张三', ...extra });

  it('signs in by email (any case) and by mobile, each time with a new token that works on /me', async () => {
    const mobile = uniqueMobile();
    const member = await newMember({ mobile });
    const byEmail = await login(server, member.email.toUpperCase(), TEST_PASSWORD, { ip: '10.0.0.1' });
    expect(byEmail.statusCode).toBe(200);
    const body = byEmail.json();
    expect(body.totpSetupRequired).toBe(false);
    expect(body.member).toMatchObject({ id: member.id, orgId: org.orgId, name: '张三', email: member.email, mobile });
    const byMobile = await login(server, mobile, TEST_PASSWORD, { ip: '10.0.0.1' });
    expect(byMobile.statusCode).toBe(200);
    expect(byMobile.json().token).not.toBe(body.token);

    for (const token of [body.token, byMobile.json().token]) {
      const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        member: { id: member.id, departmentIds: [org.rootDepartmentId] },
        org: { id: org.orgId, name: '测试公司' },
        permissions: { 'member.view': 'org' },
        totpEnabled: false,
        totpSetupRequired: false,
      });
      expect(me.json().roles.map((r: { builtinKey: string }) => r.builtinKey)).toEqual(['member']);
    }
    const sessions = await server.ctx.db
      .selectFrom('sessions')
      .select(['ip', 'user_agent', 'token_hash'])
      .where('member_id', '=', member.id)
      .execute();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ ip: '10.0.0.1', user_agent: 'vitest' });
    expect(sessions.map((s) => s.token_hash)).not.toContain(body.token);
    expect(await auditActions(server, org.orgId, 'auth.login')).not.toHaveLength(0);
  });

  it('answers a wrong password and an unknown login alike, and audits the wrong password', async () => {
    const member = await newMember();
    const wrong = await login(server, member.email, 'not-the-password', { ip: '10.0.1.1' });
    const unknown = await login(server, 'nobody-here@example.com', 'whatever', { ip: '10.0.1.1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('unauthorized');
    const failed = await auditActions(server, org.orgId, 'auth.login_failed');
    const mine = failed.filter((e) => e.target_id === member.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actor_kind: 'anonymous', actor_id: member.id, ip: '10.0.1.1' });
  });

  it('locks an account after 5 failures, even for the right password, until 15 minutes pass', async () => {
    const member = await newMember();
    for (let i = 0; i < 5; i++) {
      expect((await login(server, member.email, `wrong-${i}`, { ip: '10.0.2.1' })).statusCode).toBe(401);
    }
    const locked = await login(server, member.email, TEST_PASSWORD, { ip: '10.0.2.2' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect(locked.json().error.details.retryAfterSeconds).toBe(15 * 60);
    expect(locked.headers['retry-after']).toBe('900');
    const lockEntries = (await auditActions(server, org.orgId, 'auth.locked')).filter((e) => e.target_id === member.id);
    expect(lockEntries).toHaveLength(1);

    server.clock.advance(14 * 60_000);
    const stillLocked = await login(server, member.email, TEST_PASSWORD, { ip: '10.0.2.2' });
    expect(stillLocked.statusCode).toBe(429);
    expect(stillLocked.json().error.details.retryAfterSeconds).toBe(60);
    server.clock.advance(60_000);
    expect((await login(server, member.email, TEST_PASSWORD, { ip: '10.0.2.2' })).statusCode).toBe(200);
  });

  it('forgets past failures after a successful sign-in', async () => {
    const member = await newMember();
    for (let i = 0; i < 4; i++) await login(server, member.email, 'wrong', { ip: '10.0.3.1' });
    expect((await login(server, member.email, TEST_PASSWORD, { ip: '10.0.3.1' })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(server, member.email, 'wrong', { ip: '10.0.3.1' });
    expect((await login(server, member.email, TEST_PASSWORD, { ip: '10.0.3.1' })).statusCode).toBe(200);
  });

  it('locks an address after 20 failures across any logins', async () => {
    const member = await newMember();
    for (let i = 0; i < 20; i++) {
      expect((await login(server, `guess-${i}@example.com`, 'x', { ip: '10.0.4.1' })).statusCode).toBe(401);
    }
    const fromThere = await login(server, member.email, TEST_PASSWORD, { ip: '10.0.4.1' });
    expect(fromThere.statusCode).toBe(429);
    expect(fromThere.json().error.code).toBe('too_many_attempts');
    expect((await login(server, member.email, TEST_PASSWORD, { ip: '10.0.4.2' })).statusCode).toBe(200);
    server.clock.advance(15 * 60_000);
    expect((await login(server, member.email, TEST_PASSWORD, { ip: '10.0.4.1' })).statusCode).toBe(200);
  });

  it('ends the session on logout: the token is refused afterwards', async () => {
    const member = await newMember();
    const { token } = (await login(server, member.email, TEST_PASSWORD)).json();
    const out = await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) });
    expect(out.statusCode).toBe(200);
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    const row = await server.ctx.db
      .selectFrom('sessions')
      .select('revoked_reason')
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_reason).toBe('logout');
    expect((await auditActions(server, org.orgId, 'auth.logout')).some((e) => e.actor_id === member.id)).toBe(true);
  });

  it('cuts a disabled member off at once and refuses their sign-in', async () => {
    const member = await newMember();
    const { token } = (await login(server, member.email, TEST_PASSWORD)).json();
    await server.ctx.db.updateTable('members').set({ status: 'disabled' }).where('id', '=', member.id).execute();
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
    const again = await login(server, member.email, TEST_PASSWORD, { ip: '10.0.5.1' });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('unauthorized');
  });

  it('refuses members who have no password yet, whatever they type', async () => {
    const member = await newMember();
    await server.ctx.db.updateTable('members').set({ password_hash: null }).where('id', '=', member.id).execute();
    for (const guess of ['no-such-account-placeholder', TEST_PASSWORD]) {
      const res = await login(server, member.email, guess, { ip: '10.0.6.1' });
      expect(res.statusCode).toBe(401);
    }
  });

  it('expires sessions after the configured lifetime', async () => {
    const member = await newMember();
    const { token } = (await login(server, member.email, TEST_PASSWORD)).json();
    server.clock.advance(server.ctx.config.sessionTtlHours * 3_600_000);
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
  });

  it('refuses unknown fields in the sign-in body', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'a@example.com', password: 'x', admin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid');
  });
});
