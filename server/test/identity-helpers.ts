/** Small helpers shared by the identity tests . */
import type { Ctx } from '../src/app/context.js';
import type { App } from '../src/http/app-type.js';

type TestServer = { app: App; ctx: Ctx };

let mobileCounter = 0;
/** A mobile number no other test uses. */
export function uniqueMobile(): string {
  mobileCounter++;
  return `139${String(Date.now() % 1e5).padStart(5, '0')}${String(mobileCounter).padStart(3, '0')}`;
}

export type LoginOptions = { totp?: string; ip?: string };

export function login(server: TestServer, loginName: string, password: string, options: LoginOptions = {}) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: { 'user-agent': 'vitest' },
    payload: { login: loginName, password, ...(options.totp ? { totp: options.totp } : {}) },
  });
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export async function auditActions(server: TestServer, orgId: string, action: string) {
  return server.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('at')
    .execute();
}
