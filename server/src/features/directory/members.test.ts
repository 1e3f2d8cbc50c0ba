import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';
import type { DomainEvent } from '../../platform/bus.js';
import { DomainError } from '../../platform/errors.js';
import { contactClash } from './member-rules.js';

type Auth = { authorization: string };

describe.each(STORE_KINDS)('members on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let owner: Auth;
  let sales: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '成员测试公司');
    owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, auth: Auth = owner) =>
    server.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  it('creates a member with pinyin keys, departments and the member role', async () => {
    const res = await call('POST', '/api/v1/members', {
      name: '张三',
      title: '销售经理',
      mobile: '13800138000',
      email: 'ZhangSan@Example.com',
      primaryDepartmentId: sales,
      departmentIds: [org.rootDepartmentId],
      supervisorId: org.ownerId,
      joinedOn: '2024-03-01',
      password: 'Sales-Lead-2024!',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: '张三',
      namePinyin: 'zhang san',
      email: 'zhangsan@example.com',
      primaryDepartmentId: sales,
      departmentIds: [sales, org.rootDepartmentId],
      supervisor: { id: org.ownerId, name: '王老板' },
      status: 'active',
      joinedOn: '2024-03-01',
      isDepartmentHead: false,
    });
    expect(body.roles.map((r: { name: string }) => r.name)).toEqual(['成员']);
    expect(body).not.toHaveProperty('passwordHash');
    const row = await server.ctx.db
      .selectFrom('members')
      .select(['name_initials', 'password_hash'])
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.name_initials).toBe('zs');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('target_id', '=', body.id)
      .where('action', '=', 'member.created')
      .executeTakeFirstOrThrow();
    expect(audit.after).not.toMatch(/argon2|password/);
  });

  it('refuses a duplicate email or mobile with 409 naming the field', async () => {
    const dupEmail = await call('POST', '/api/v1/members', {
      name: '重复',
      email: 'zhangsan@example.com',
      primaryDepartmentId: sales,
    });
    expect(dupEmail.statusCode).toBe(409);
    expect(dupEmail.json().error.details.field).toBe('email');
    const dupMobile = await call('POST', '/api/v1/members', {
      name: '重复',
      mobile: '13800138000',
      primaryDepartmentId: sales,
    });
    expect(dupMobile.statusCode).toBe(409);
    expect(dupMobile.json().error.details.field).toBe('mobile');
  });

  it('maps a unique-index clash on email (a lost race) to 409 naming the field', async () => {
    const error = await server.ctx.db
      .updateTable('members')
      .set({ email: 'zhangsan@example.com' })
      .where('id', '=', org.ownerId)
      .execute()
      .then(
        () => null,
        (err: unknown) => err,
      );
    const mapped = contactClash(error);
    expect(mapped).toBeInstanceOf(DomainError);
    expect((mapped as DomainError).details).toEqual({ field: 'email' });
  });

  it('refuses bad input: unknown fields, over-long names, bad mobiles, another org’s department', async () => {
    const unknown = await call('POST', '/api/v1/members', { name: '甲', primaryDepartmentId: sales, nickname: 'x' });
    expect(unknown.statusCode).toBe(400);
    const long = await call('POST', '/api/v1/members', { name: '长'.repeat(200), primaryDepartmentId: sales });
    expect(long.statusCode).toBe(400);
    const mobile = await call('POST', '/api/v1/members', { name: '乙', mobile: '12345', primaryDepartmentId: sales });
    expect(mobile.statusCode).toBe(400);
    const otherOrg = await makeOrg(server.ctx, '另一家');
    const before = await server.ctx.db.selectFrom('members').select('id').execute();
    const foreign = await call('POST', '/api/v1/members', {
      name: '丙',
      email: 'bing@example.com',
      primaryDepartmentId: otherOrg.rootDepartmentId,
    });
    expect([400, 404]).toContain(foreign.statusCode);
    const after = await server.ctx.db.selectFrom('members').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('edits a member and refuses a supervisor cycle', async () => {
    const a = await makeMember(server.ctx, org, { departmentId: sales, name: '周一' });
    const b = await makeMember(server.ctx, org, { departmentId: sales, name: '周二' });
    const edit = await call('PATCH', `/api/v1/members/${b.id}`, { name: '周贰', supervisorId: a.id, title: '店长' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ name: '周贰', namePinyin: 'zhou er', supervisorId: a.id, title: '店长' });
    const cycle = await call('PATCH', `/api/v1/members/${a.id}`, { supervisorId: b.id });
    expect(cycle.statusCode).toBe(400);
    const self = await call('PATCH', `/api/v1/members/${a.id}`, { supervisorId: a.id });
    expect(self.statusCode).toBe(400);
  });

  it('lists members sorted by pinyin and searches by Chinese name, initials, pinyin and mobile', async () => {
    const dept = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '排序部');
    await makeMember(server.ctx, org, { departmentId: dept, name: '张三丰', mobile: '13900001111' });
    await makeMember(server.ctx, org, { departmentId: dept, name: '阿明' });
    await makeMember(server.ctx, org, { departmentId: dept, name: '李雷' });
    const list = await call('GET', `/api/v1/members?departmentId=${dept}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { name: string }) => m.name)).toEqual(['阿明', '李雷', '张三丰']);

    const names = async (q: string) =>
      (await call('GET', `/api/v1/members?departmentId=${dept}&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((m: { name: string }) => m.name);
    expect(await names('三丰')).toEqual(['张三丰']);
    expect(await names('zsf')).toEqual(['张三丰']);
    expect(await names('zhangsan')).toEqual(['张三丰']);
    expect(await names('1390000')).toEqual(['张三丰']);
    expect(await names('li')).toEqual(['李雷']);
    expect(await names('%')).toEqual([]);
  });

  it('includes sub-departments on request', async () => {
    const region = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '西区');
    const shop = await makeDepartment(server.ctx, org.orgId, region, '西区一店');
    await makeMember(server.ctx, org, { departmentId: shop, name: '店员甲' });
    const only = await call('GET', `/api/v1/members?departmentId=${region}`);
    expect(only.json().items).toEqual([]);
    const tree = await call('GET', `/api/v1/members?departmentId=${region}&includeSubdepartments=true`);
    expect(tree.json().items.map((m: { name: string }) => m.name)).toEqual(['店员甲']);
  });

  it('pages through every member exactly once with the cursor', async () => {
    const dept = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '分页部');
    const names = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈', '阿明', '阿明'];
    for (const name of names) await makeMember(server.ctx, org, { departmentId: dept, name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/members?departmentId=${dept}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', url);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((m: { id: string }) => m.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen.length).toBe(names.length);
    expect(new Set(seen).size).toBe(names.length);
    const bad = await call('GET', '/api/v1/members?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
  });

  it('disabling a member ends their sessions at once, and enabling lets them sign in again', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: sales, name: '要停用' });
    const auth = await sessionFor(server.ctx, org.orgId, m.id);
    expect((await call('GET', '/api/v1/departments', undefined, auth)).statusCode).toBe(200);
    const res = await call('POST', `/api/v1/members/${m.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect((await call('GET', '/api/v1/departments', undefined, auth)).statusCode).toBe(401);
    const session = await server.ctx.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('member_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(session.revoked_at).not.toBeNull();
    const enabled = await call('POST', `/api/v1/members/${m.id}/enable`);
    expect(enabled.json().status).toBe('active');
  });

  it('departing a member emits member.departed, ends sessions and headships', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: sales, name: '要离职' });
    await call('PATCH', `/api/v1/departments/${sales}`, { headIds: [m.id] });
    const auth = await sessionFor(server.ctx, org.orgId, m.id);
    const events: DomainEvent[] = [];
    const off = server.ctx.bus.on('member.departed', (e) => {
      events.push(e);
    });
    const res = await call('POST', `/api/v1/members/${m.id}/depart`, { departedOn: '2025-06-30' });
    await server.ctx.bus.drain();
    off();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'departed', isDepartmentHead: false });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'member.departed', orgId: org.orgId, data: { memberId: m.id } });
    expect((await call('GET', '/api/v1/departments', undefined, auth)).statusCode).toBe(401);
    const dept = await call('GET', `/api/v1/departments/${sales}`);
    expect(dept.json().headIds).toEqual([]);
  });

  it('refuses to disable yourself or the last active owner', async () => {
    const self = await call('POST', `/api/v1/members/${org.ownerId}/disable`);
    expect(self.statusCode).toBe(409);
    const hr = await makeMember(server.ctx, org, { departmentId: sales, name: '人事', roles: ['hr'] });
    const hrAuth = await sessionFor(server.ctx, org.orgId, hr.id);
    const owner2 = await call('POST', `/api/v1/members/${org.ownerId}/depart`, {}, hrAuth);
    expect(owner2.statusCode).toBe(409);
  });

  it('a plain member gets 403 when creating or editing members', async () => {
    const plain = await makeMember(server.ctx, org, { departmentId: sales, name: '普通' });
    const auth = await sessionFor(server.ctx, org.orgId, plain.id);
    const res = await call('POST', '/api/v1/members', { name: '新人', primaryDepartmentId: sales }, auth);
    expect(res.statusCode).toBe(403);
    const edit = await call('PATCH', `/api/v1/members/${org.ownerId}`, { title: '老板' }, auth);
    expect(edit.statusCode).toBe(403);
    const view = await call('GET', `/api/v1/members/${org.ownerId}`, undefined, auth);
    expect(view.statusCode).toBe(200);
  });
});
