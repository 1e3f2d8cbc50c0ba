import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, TEST_PASSWORD, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { auditActions, bearer, login } from '../../../test/identity-helpers.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('password and two-factor on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
  });
  afterAll(() => server.close());

  const signIn = async (email: string, password = TEST_PASSWORD, totp?: string) => {
    const res = await login(server, email, password, totp ? { totp } : {});
    expect(res.statusCode).toBe(200);
    return { auth: bearer(res.json().token as string), body: res.json() };
  };
  const call = (method: 'GET' | 'POST', url: string, auth: { authorization: string }, payload?: object) =>
    server.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
  const codeFor = (secret: string, offsetMs = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: server.clock.now().getTime() + offsetMs });
  const member = () => makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '王五' });

  it('changes the password, ending other sessions; the new password signs in', async () => {
    const m = await member();
    const { auth } = await signIn(m.email);
    const { auth: other } = await signIn(m.email);
    const res = await call('POST', '/api/v1/me/password', auth, {
      currentPassword: TEST_PASSWORD,
      newPassword: '月亮-Lantern-8841',
    });
    expect(res.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/me', auth)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/me', other)).statusCode).toBe(401);
    expect((await login(server, m.email, TEST_PASSWORD, { ip: '10.2.0.1' })).statusCode).toBe(401);
    expect((await login(server, m.email, '月亮-Lantern-8841')).statusCode).toBe(200);
    expect((await auditActions(server, org.orgId, 'password.changed')).some((e) => e.target_id === m.id)).toBe(true);
  });

  it('refuses a common new password and a wrong current password', async () => {
    const m = await member();
    const { auth } = await signIn(m.email);
    for (const common of ['password123', '12345678']) {
      const res = await call('POST', '/api/v1/me/password', auth, {
        currentPassword: TEST_PASSWORD,
        newPassword: common,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.reason).toBe('common');
    }
    const wrong = await call('POST', '/api/v1/me/password', auth, {
      currentPassword: 'not-my-password',
      newPassword: 'Quiet-Harbour-5521',
    });
    expect(wrong.statusCode).toBe(403);
    expect((await login(server, m.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('sets up two-factor, then sign-in needs a code, and each code works only once', async () => {
    const m = await member();
    const { auth } = await signIn(m.email);
    const setup = await call('POST', '/api/v1/me/totp/setup', auth);
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toContain('issuer=Concord');
    expect(otpauthUrl).toContain(encodeURIComponent(m.email));
    // Not on until a code proves the app is set up.
    expect((await login(server, m.email, TEST_PASSWORD)).statusCode).toBe(200);

    const badEnable = await call('POST', '/api/v1/me/totp/enable', auth, { code: '000000' });
    expect(badEnable.statusCode).toBe(400);
    const enableCode = codeFor(secret);
    expect((await call('POST', '/api/v1/me/totp/enable', auth, { code: enableCode })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/me', auth)).json().totpEnabled).toBe(true);

    const noCode = await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1' });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    // The code used to enable cannot sign in within the same step.
    const reused = await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1', totp: enableCode });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('unauthorized');

    server.clock.advance(30_000);
    const code = codeFor(secret);
    const ok = await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1', totp: code });
    expect(ok.statusCode).toBe(200);
    const again = await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1', totp: code });
    expect(again.statusCode).toBe(401);
    const wrongCode = await login(server, m.email, TEST_PASSWORD, {
      ip: '10.2.1.1',
      totp: code === '123456' ? '654321' : '123456',
    });
    expect(wrongCode.statusCode).toBe(401);
    const failures = (await auditActions(server, org.orgId, 'auth.login_failed')).filter((e) => e.target_id === m.id);
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect((await auditActions(server, org.orgId, 'totp.enabled')).some((e) => e.target_id === m.id)).toBe(true);

    // A code of a step before the last one used is refused even inside the drift window.
    server.clock.advance(60_000);
    expect((await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1', totp: codeFor(secret) })).statusCode).toBe(
      200,
    );
    const older = codeFor(secret, -30_000);
    expect((await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1', totp: older })).statusCode).toBe(401);
    // An unused code from the previous step still works (phone clock a little behind).
    server.clock.advance(60_000);
    const late = codeFor(secret, -30_000);
    expect((await login(server, m.email, TEST_PASSWORD, { ip: '10.2.1.1', totp: late })).statusCode).toBe(200);
  });

  it('turns two-factor off with the password only', async () => {
    const m = await member();
    const { auth } = await signIn(m.email);
    const { secret } = (await call('POST', '/api/v1/me/totp/setup', auth)).json();
    await call('POST', '/api/v1/me/totp/enable', auth, { code: codeFor(secret) });
    expect((await call('POST', '/api/v1/me/totp/disable', auth, { password: 'wrong-one' })).statusCode).toBe(403);
    const off = await call('POST', '/api/v1/me/totp/disable', auth, { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ totpEnabled: false });
    expect((await login(server, m.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await auditActions(server, org.orgId, 'totp.disabled')).some((e) => e.target_id === m.id)).toBe(true);
  });

  it('makes members of an org requiring two-factor set it up before anything else', async () => {
    const orgT = await makeOrg(server.ctx, '严格公司');
    await server.ctx.db
      .updateTable('orgs')
      .set({ settings: '{"requireTotp":true}' })
      .where('id', '=', orgT.orgId)
      .execute();
    const m = await makeMember(server.ctx, orgT, { departmentId: orgT.rootDepartmentId });
    const { auth, body } = await signIn(m.email);
    expect(body.totpSetupRequired).toBe(true);

    const blocked = await call('GET', '/api/v1/me/sessions', auth);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_setup_required');
    const me = await call('GET', '/api/v1/me', auth);
    expect(me.statusCode).toBe(200);
    expect(me.json().totpSetupRequired).toBe(true);

    const { secret } = (await call('POST', '/api/v1/me/totp/setup', auth)).json();
    expect((await call('POST', '/api/v1/me/totp/enable', auth, { code: codeFor(secret) })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/me/sessions', auth)).statusCode).toBe(200);
    const disable = await call('POST', '/api/v1/me/totp/disable', auth, { password: TEST_PASSWORD });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().error.code).toBe('forbidden');
  });

  it('makes a role that requires two-factor block its holders until set up', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, roles: ['member', 'finance'] });
    await server.ctx.db
      .updateTable('roles')
      .set({ require_totp: 1 })
      .where('id', '=', org.roleIds.finance as string)
      .execute();
    const { auth, body } = await signIn(m.email);
    expect(body.totpSetupRequired).toBe(true);
    expect((await call('GET', '/api/v1/me/sessions', auth)).json().error.code).toBe('totp_setup_required');
  });
});
