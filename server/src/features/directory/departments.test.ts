import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('departments on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let owner: { authorization: string };
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '总部');
    owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, auth = owner) =>
    server.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  it('creates, renames and lists a department tree of any depth', async () => {
    const region = await call('POST', '/api/v1/departments', { name: '华东区', parentId: org.rootDepartmentId });
    expect(region.statusCode).toBe(201);
    const regionId = region.json().id as string;
    expect(region.json()).toMatchObject({
      parentId: org.rootDepartmentId,
      name: '华东区',
      memberCount: 0,
      headIds: [],
    });
    const store = await call('POST', '/api/v1/departments', { name: '上海一店', parentId: regionId, sortOrder: 2 });
    expect(store.statusCode).toBe(201);

    const renamed = await call('PATCH', `/api/v1/departments/${store.json().id}`, { name: '上海旗舰店' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('上海旗舰店');

    const list = await call('GET', '/api/v1/departments');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; parentId: string | null; name: string }[];
    expect(items.find((d) => d.parentId === null)?.id).toBe(org.rootDepartmentId);
    expect(items.find((d) => d.id === store.json().id)).toMatchObject({ parentId: regionId, name: '上海旗舰店' });

    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('org_id', '=', org.orgId)
      .where('target_id', '=', store.json().id)
      .where('action', '=', 'department.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? '{}').name).toBe('上海一店');
    expect(JSON.parse(audit.after ?? '{}').name).toBe('上海旗舰店');
  });

  it('refuses a duplicate name among siblings with 409', async () => {
    await call('POST', '/api/v1/departments', { name: '研发部', parentId: org.rootDepartmentId });
    const dup = await call('POST', '/api/v1/departments', { name: '研发部', parentId: org.rootDepartmentId });
    expect(dup.statusCode).toBe(409);
  });

  it('moves a department but refuses a move into its own subtree', async () => {
    const a = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华南区');
    const b = await makeDepartment(server.ctx, org.orgId, a, '广州店');
    const c = await makeDepartment(server.ctx, org.orgId, b, '广州店二组');
    const other = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华北区');

    const intoChild = await call('PATCH', `/api/v1/departments/${a}`, { parentId: c });
    expect(intoChild.statusCode).toBe(409);
    const intoSelf = await call('PATCH', `/api/v1/departments/${a}`, { parentId: a });
    expect(intoSelf.statusCode).toBe(409);
    const moveRoot = await call('PATCH', `/api/v1/departments/${org.rootDepartmentId}`, { parentId: a });
    expect(moveRoot.statusCode).toBe(409);

    const moved = await call('PATCH', `/api/v1/departments/${b}`, { parentId: other });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(other);
    const row = await server.ctx.db
      .selectFrom('departments')
      .select('parent_id')
      .where('id', '=', c)
      .executeTakeFirstOrThrow();
    expect(row.parent_id).toBe(b);
  });

  it('sets department heads, who must be active members of the org', async () => {
    const dept = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '市场部');
    const head = await makeMember(server.ctx, org, { departmentId: dept, name: '赵六' });
    const res = await call('PATCH', `/api/v1/departments/${dept}`, { headIds: [head.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ headIds: [head.id], memberCount: 1 });
    const otherOrg = await makeOrg(server.ctx, '别的公司');
    const bad = await call('PATCH', `/api/v1/departments/${dept}`, { headIds: [otherOrg.ownerId] });
    expect(bad.statusCode).toBe(400);
  });

  it('deletes only empty departments and says what is left otherwise', async () => {
    const parent = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '待删部门');
    const child = await makeDepartment(server.ctx, org.orgId, parent, '待删小组');
    const withChild = await call('DELETE', `/api/v1/departments/${parent}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.message).toMatch(/sub-department/);

    const member = await makeMember(server.ctx, org, { departmentId: child, name: '钱七' });
    const withMember = await call('DELETE', `/api/v1/departments/${child}`);
    expect(withMember.statusCode).toBe(409);
    expect(withMember.json().error.message).toMatch(/member/);

    await call('PATCH', `/api/v1/members/${member.id}`, { primaryDepartmentId: org.rootDepartmentId });
    expect((await call('DELETE', `/api/v1/departments/${child}`)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/departments/${parent}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/departments/${parent}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/departments/${org.rootDepartmentId}`)).statusCode).toBe(409);
  });

  it('answers 404 for another org’s department and 403 to a member without department.manage', async () => {
    const otherOrg = await makeOrg(server.ctx, '别家');
    expect((await call('GET', `/api/v1/departments/${otherOrg.rootDepartmentId}`)).statusCode).toBe(404);
    const plain = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '孙八' });
    const auth = await sessionFor(server.ctx, org.orgId, plain.id);
    const res = await call('POST', '/api/v1/departments', { name: '新部门', parentId: org.rootDepartmentId }, auth);
    expect(res.statusCode).toBe(403);
  });

  it('refuses unknown fields in the body', async () => {
    const res = await call('POST', '/api/v1/departments', { name: 'x', parentId: org.rootDepartmentId, color: 'red' });
    expect(res.statusCode).toBe(400);
  });
});
