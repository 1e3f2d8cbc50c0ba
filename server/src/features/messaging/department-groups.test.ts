import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, eventsOf, type Person, person } from '../../../test/conversation-fixtures.js';
import { makeDepartment, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { onMemberDepartmentsChanged } from './commands/follow-departments.js';

describe.each(STORE_KINDS)('department groups on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: { authorization: string };
  let lead: Person;
  let sales: string;
  let east: string;
  let eng: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
    east = await makeDepartment(server.ctx, org.orgId, sales, '华东组');
    eng = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '研发部');
    lead = await person(server.ctx, org, '销售总监', sales);
  });
  afterAll(() => server.close());

  const call = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  };

  /** A group following `departmentId`, created by `lead`. */
  async function followingGroup(departmentId: string, name = '销售部门群'): Promise<string> {
    const g = await createGroup(server, lead, { name, followDepartmentId: departmentId });
    expect(g.status).toBe(201);
    return g.id;
  }

  async function memberIdsOf(conversationId: string): Promise<string[]> {
    const rows = await server.ctx.db
      .selectFrom('conversation_members')
      .select('member_id')
      .where('conversation_id', '=', conversationId)
      .execute();
    return rows.map((r) => r.member_id).sort();
  }

  async function logged(conversationId: string, afterSeq = 0) {
    const rows = await server.ctx.db
      .selectFrom('conversation_events')
      .select(['seq', 'type', 'actor_id', 'payload'])
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ type: r.type, actorId: r.actor_id, payload: JSON.parse(r.payload) as unknown }));
  }

  const lastSeq = async (conversationId: string) => (await eventsOf(server, conversationId)).length;

  it('adds a new member of the followed department (or a sub-department) and logs it with reason department', async () => {
    const id = await followingGroup(sales);
    const before = await lastSeq(id);
    const res = await call('POST', '/api/v1/members', { name: '新销售', primaryDepartmentId: east });
    expect(res.statusCode).toBe(201);
    const newcomer = res.json().id as string;
    expect(await memberIdsOf(id)).toContain(newcomer);
    expect(await logged(id, before)).toEqual([
      {
        type: 'conversation.member_added',
        actorId: null,
        payload: {
          memberIds: [newcomer],
          members: [{ id: newcomer, name: '新销售' }],
          reason: 'department',
          departmentId: sales,
        },
      },
    ]);
    // Someone created elsewhere does not join.
    const other = await call('POST', '/api/v1/members', { name: '新研发', primaryDepartmentId: eng });
    expect(await memberIdsOf(id)).not.toContain(other.json().id);
  });

  it('adds imported members of the followed department', async () => {
    const id = await followingGroup(sales, '导入测试群');
    const file = multipartFile('姓名,部门\n导入销售,华东组\n导入研发,研发部\n', 'members.csv', 'text/csv');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/members/import?dryRun=false',
      headers: { ...admin, ...file.headers },
      payload: file.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    await server.ctx.bus.drain();
    const names = await server.ctx.db
      .selectFrom('conversation_members')
      .innerJoin('members', 'members.id', 'conversation_members.member_id')
      .select('members.name')
      .where('conversation_members.conversation_id', '=', id)
      .execute();
    expect(names.map((n) => n.name)).toContain('导入销售');
    expect(names.map((n) => n.name)).not.toContain('导入研发');
  });

  it('removes a member whose departments change away from the followed tree', async () => {
    const leaver = await person(server.ctx, org, '转岗者', east);
    const id = await followingGroup(sales, '转岗测试群');
    expect(await memberIdsOf(id)).toContain(leaver.id);
    const before = await lastSeq(id);
    const res = await call('PATCH', `/api/v1/members/${leaver.id}`, { primaryDepartmentId: eng });
    expect(res.statusCode).toBe(200);
    expect(await memberIdsOf(id)).not.toContain(leaver.id);
    expect(await logged(id, before)).toEqual([
      {
        type: 'conversation.member_removed',
        actorId: null,
        payload: {
          memberId: leaver.id,
          memberIds: [leaver.id],
          members: [{ id: leaver.id, name: '转岗者' }],
          reason: 'department',
          departmentId: sales,
        },
      },
    ]);
    // Back into the department: back into the group.
    await call('PATCH', `/api/v1/members/${leaver.id}`, { primaryDepartmentId: sales });
    expect(await memberIdsOf(id)).toContain(leaver.id);
  });

  it('keeps a member who moves into a sub-department, with nothing logged', async () => {
    const mover = await person(server.ctx, org, '下沉者', sales);
    const id = await followingGroup(sales, '下沉测试群');
    const before = await lastSeq(id);
    const res = await call('PATCH', `/api/v1/members/${mover.id}`, { primaryDepartmentId: east });
    expect(res.statusCode).toBe(200);
    expect(await memberIdsOf(id)).toContain(mover.id);
    expect(await lastSeq(id)).toBe(before);
  });

  it('keeps a member in two departments who leaves one while the other is still in the followed tree', async () => {
    const both = await person(server.ctx, org, '兼职者', sales);
    await call('PATCH', `/api/v1/members/${both.id}`, { departmentIds: [east] });
    const id = await followingGroup(sales, '兼职测试群');
    expect(await memberIdsOf(id)).toContain(both.id);
    const before = await lastSeq(id);
    // Leaves 销售部 itself; 华东组 (below it) keeps them in the followed tree.
    const res = await call('PATCH', `/api/v1/members/${both.id}`, { primaryDepartmentId: east, departmentIds: [] });
    expect(res.json().departmentIds).toEqual([east]);
    expect(await memberIdsOf(id)).toContain(both.id);
    expect(await lastSeq(id)).toBe(before);
  });

  it('keeps the owner when they leave the followed department', async () => {
    const boss = await person(server.ctx, org, '群主转岗', sales);
    const g = await createGroup(server, boss, { name: '群主测试群', followDepartmentId: sales });
    await call('PATCH', `/api/v1/members/${boss.id}`, { primaryDepartmentId: eng });
    const row = await server.ctx.db
      .selectFrom('conversation_members')
      .select('role')
      .where('conversation_id', '=', g.id)
      .where('member_id', '=', boss.id)
      .executeTakeFirst();
    expect(row?.role).toBe('owner');
  });

  it('changes nothing when the same event is handled twice, in turn or at once', async () => {
    const joiner = await person(server.ctx, org, '重复事件', eng);
    const id = await followingGroup(sales, '幂等测试群');
    const before = await lastSeq(id);
    await server.ctx.db
      .updateTable('member_departments')
      .set({ department_id: east })
      .where('member_id', '=', joiner.id)
      .execute();
    const event = {
      type: 'member.departments_changed',
      orgId: org.orgId,
      at: server.clock.now().toISOString(),
      data: { memberId: joiner.id, before: [eng], after: [east] },
    };
    await onMemberDepartmentsChanged(server.ctx, event);
    await onMemberDepartmentsChanged(server.ctx, event);
    await Promise.all([onMemberDepartmentsChanged(server.ctx, event), onMemberDepartmentsChanged(server.ctx, event)]);
    await server.ctx.bus.drain();
    expect((await memberIdsOf(id)).filter((m) => m === joiner.id)).toHaveLength(1);
    expect((await logged(id, before)).map((e) => e.type)).toEqual(['conversation.member_added']);
  });

  it('skips a member when the group is full, without failing', async () => {
    const id = await followingGroup(sales, '满员测试群');
    const count = (await memberIdsOf(id)).length;
    await server.ctx.db.updateTable('conversations').set({ member_limit: count }).where('id', '=', id).execute();
    const before = await lastSeq(id);
    const res = await call('POST', '/api/v1/members', { name: '满员后来者', primaryDepartmentId: sales });
    expect(res.statusCode).toBe(201);
    expect(await memberIdsOf(id)).not.toContain(res.json().id);
    expect(await lastSeq(id)).toBe(before);
  });

  it('follows a department moved into or out of the followed tree', async () => {
    const north = await makeDepartment(server.ctx, org.orgId, sales, '华北组');
    const northern = await person(server.ctx, org, '华北销售', north);
    const salesGroup = await followingGroup(sales, '移动测试销售群');
    const engGroup = await followingGroup(eng, '移动测试研发群');
    expect(await memberIdsOf(salesGroup)).toContain(northern.id);
    const res = await call('PATCH', `/api/v1/departments/${north}`, { parentId: eng });
    expect(res.statusCode).toBe(200);
    expect(await memberIdsOf(salesGroup)).not.toContain(northern.id);
    expect(await memberIdsOf(engGroup)).toContain(northern.id);
  });

  it('stops following a department that is deleted, keeping the members', async () => {
    const temp = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '临时项目部');
    const id = await followingGroup(temp, '临时项目群');
    const members = await memberIdsOf(id);
    const before = await lastSeq(id);
    const res = await call('DELETE', `/api/v1/departments/${temp}`);
    expect(res.statusCode).toBeLessThan(300);
    const row = await server.ctx.db
      .selectFrom('conversations')
      .select(['department_id', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ department_id: null, status: 'active' });
    expect(await memberIdsOf(id)).toEqual(members);
    expect(await logged(id, before)).toEqual([
      {
        type: 'conversation.updated',
        actorId: null,
        payload: { departmentId: null, reason: 'department_deleted' },
      },
    ]);
  });
});
