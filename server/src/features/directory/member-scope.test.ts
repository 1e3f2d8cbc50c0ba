import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Auth = { authorization: string };

describe.each(STORE_KINDS)('directory data scopes on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let east: string;
  let eastShop: string;
  let south: string;
  let supervisor: Auth;
  let supervisorId: string;
  let eastClerk: string;
  let southClerk: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '连锁公司');
    east = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华东区');
    eastShop = await makeDepartment(server.ctx, org.orgId, east, '上海一店');
    south = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华南区');
    const sup = await makeMember(server.ctx, org, { departmentId: east, name: '华东主管', roles: ['supervisor'] });
    supervisorId = sup.id;
    supervisor = await sessionFor(server.ctx, org.orgId, sup.id);
    eastClerk = (await makeMember(server.ctx, org, { departmentId: eastShop, name: '上海店员', roles: [] })).id;
    southClerk = (await makeMember(server.ctx, org, { departmentId: south, name: '广州店员', roles: [] })).id;
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, auth: Auth, payload?: object) =>
    server.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  it('a region supervisor sees the region and its stores only', async () => {
    // The supervisor role alone (no org-wide member role) reaches the department tree.
    await server.ctx.db
      .deleteFrom('member_roles')
      .where('member_id', '=', supervisorId)
      .where('role_id', '=', org.roleIds.member as string)
      .execute();
    const list = await call('GET', '/api/v1/members', supervisor);
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((m: { name: string }) => m.name);
    expect(names.sort()).toEqual(['上海店员', '华东主管'].sort());
    const departments = await call('GET', '/api/v1/departments', supervisor);
    expect(
      departments
        .json()
        .items.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([east, eastShop].sort());

    expect((await call('GET', `/api/v1/members/${eastClerk}`, supervisor)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/members/${southClerk}`, supervisor)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/departments/${south}`, supervisor)).statusCode).toBe(404);
  });

  it('a region supervisor edits members of the region but not of another region', async () => {
    const ok = await call('PATCH', `/api/v1/members/${eastClerk}`, supervisor, { title: '店长' });
    expect(ok.statusCode).toBe(200);
    const other = await call('PATCH', `/api/v1/members/${southClerk}`, supervisor, { title: '店长' });
    expect(other.statusCode).toBe(404);
    const disable = await call('POST', `/api/v1/members/${southClerk}/disable`, supervisor);
    expect(disable.statusCode).toBe(404);
    const intoSouth = await call('POST', '/api/v1/members', supervisor, { name: '新人', primaryDepartmentId: south });
    expect(intoSouth.statusCode).toBe(403);
    const moveOut = await call('PATCH', `/api/v1/members/${eastClerk}`, supervisor, { primaryDepartmentId: south });
    expect(moveOut.statusCode).toBe(403);
  });

  it('moving a member changes what they and others see on the very next request', async () => {
    const owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const moved = await call('PATCH', `/api/v1/members/${southClerk}`, owner, { primaryDepartmentId: eastShop });
    expect(moved.statusCode).toBe(200);
    expect((await call('GET', `/api/v1/members/${southClerk}`, supervisor)).statusCode).toBe(200);
    await call('PATCH', `/api/v1/members/${supervisorId}`, owner, { primaryDepartmentId: south });
    expect((await call('GET', `/api/v1/members/${eastClerk}`, supervisor)).statusCode).toBe(404);
  });

  it('departs a member without a body', async () => {
    const owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const leaver = await makeMember(server.ctx, org, { departmentId: east, name: '离职者' });
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/members/${leaver.id}/depart`, headers: owner });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('departed');
  });
});
