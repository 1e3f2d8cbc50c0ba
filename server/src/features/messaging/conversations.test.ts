import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  eventsOf,
  insertMessage,
  orgWith,
  type Person,
  person,
} from '../../../test/conversation-fixtures.js';
import { makeOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('conversations on %s', (kind) => {
  let server: TestServer;
  let orgId: string;
  let zhang: Person;
  let li: Person;
  let wang: Person;
  let zhao: Person;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const made = await orgWith(server.ctx, ['张三', '李四', '王五', '赵六']);
    orgId = made.org.orgId;
    [zhang, li, wang, zhao] = made.people as [Person, Person, Person, Person];
  });
  afterAll(() => server.close());

  const inject = (who: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('opens the same direct conversation for a pair every time, from either side', async () => {
    const first = await inject(zhang, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: li.id });
    expect(first.statusCode).toBe(200);
    const again = await inject(zhang, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: li.id });
    const reverse = await inject(li, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: zhang.id });
    expect(again.json().id).toBe(first.json().id);
    expect(reverse.json().id).toBe(first.json().id);
    expect(first.json().name).toBe('李四');
    expect(reverse.json().name).toBe('张三');
    expect(await eventsOf(server, first.json().id)).toEqual([[1, 'conversation.created']]);
  });

  it('creates one direct conversation when both members open it at the same moment', async () => {
    const results = await Promise.all([
      inject(wang, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: zhao.id }),
      inject(zhao, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: wang.id }),
      inject(wang, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: zhao.id }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const rows = await server.ctx.db
      .selectFrom('conversations')
      .select('id')
      .where('org_id', '=', orgId)
      .where('direct_key', '=', [wang.id, zhao.id].sort().join(':'))
      .execute();
    expect(rows).toHaveLength(1);
    const members = await server.ctx.db
      .selectFrom('conversation_members')
      .select('member_id')
      .where('conversation_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(members).toHaveLength(2);
  });

  it('refuses a direct conversation with a member of another org as not found', async () => {
    const other = await makeOrg(server.ctx, '别家公司');
    const res = await inject(zhang, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: other.ownerId });
    expect(res.statusCode).toBe(404);
  });

  it('creates a group with the creator as owner and logs created then member_added', async () => {
    const g = await createGroup(server, zhang, { name: '华东销售群', memberIds: [li.id, wang.id] });
    expect(g.status).toBe(201);
    expect(g.json).toMatchObject({
      kind: 'group',
      name: '华东销售群',
      memberCount: 3,
      myRole: 'owner',
      owner: { id: zhang.id, name: '张三' },
      settings: { onlyAdminsInvite: false, welcomeMessage: null },
    });
    expect(await eventsOf(server, g.id)).toEqual([
      [1, 'conversation.created'],
      [2, 'conversation.member_added'],
    ]);
  });

  it('refuses a group past the org’s member limit with limit_exceeded and writes nothing', async () => {
    const small = await orgWith(server.ctx, ['甲', '乙', '丙']);
    await server.ctx.db
      .updateTable('orgs')
      .set({ settings: JSON.stringify({ groupMemberLimit: 3 }) })
      .where('id', '=', small.org.orgId)
      .execute();
    const [a, b, c] = small.people as [Person, Person, Person];
    const before = await server.ctx.db.selectFrom('conversations').select('id').execute();
    const res = await createGroup(server, a, { memberIds: [b.id, c.id, small.org.ownerId] });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ error: { code: 'limit_exceeded', details: { limit: 3 } } });
    const after = await server.ctx.db.selectFrom('conversations').select('id').execute();
    expect(after).toHaveLength(before.length);
    const ok = await createGroup(server, a, { memberIds: [b.id, c.id] });
    expect(ok.status).toBe(201);
    expect(ok.json.memberLimit).toBe(3);
  });

  it('adds a whole department including its sub-departments, active members only', async () => {
    const { org, people } = await orgWith(server.ctx, ['组长']);
    const lead = people[0] as Person;
    const { makeDepartment } = await import('../../../test/factories.js');
    const sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
    const east = await makeDepartment(server.ctx, org.orgId, sales, '华东组');
    const s1 = await person(server.ctx, org, '销售一', sales);
    const s2 = await person(server.ctx, org, '销售二', east);
    const gone = await person(server.ctx, org, '已离职', east);
    await server.ctx.db.updateTable('members').set({ status: 'departed' }).where('id', '=', gone.id).execute();
    const g = await createGroup(server, lead, { departmentIds: [sales] });
    expect(g.status).toBe(201);
    const ids = (g.json.members as { id: string }[]).map((m) => m.id).sort();
    expect(ids).toEqual([lead.id, s1.id, s2.id].sort());
  });

  it('lists conversations with unread counts, previews and mentions, pinned first', async () => {
    const { org, people } = await orgWith(server.ctx, ['小明', '小红', '小刚']);
    const [ming, hong, gang] = people as [Person, Person, Person];
    const g = await createGroup(server, ming, { name: '产品讨论组', memberIds: [hong.id, gang.id] });
    const direct = (await inject(ming, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: hong.id })).json();
    await insertMessage(server.ctx, org.orgId, g.id, hong.id, '大家好');
    await insertMessage(server.ctx, org.orgId, g.id, ming.id, '我自己的消息');
    await insertMessage(server.ctx, org.orgId, g.id, gang.id, '这条撤回了', { recalled: true });
    await insertMessage(server.ctx, org.orgId, g.id, gang.id, `@小明 请看一下${'很长的内容'.repeat(30)}`, {
      mentions: [ming.id],
    });
    server.clock.advance(1000);
    await insertMessage(server.ctx, org.orgId, direct.id, hong.id, '在吗');

    const list = (await inject(ming, 'GET', '/api/v1/conversations')).json().items as Record<string, unknown>[];
    expect(list.map((c) => c.id)).toEqual([direct.id, g.id]);
    const group = list[1] as Record<string, unknown>;
    expect(group).toMatchObject({ name: '产品讨论组', unreadCount: 2, mentionedMe: true, memberCount: 3 });
    const last = group.lastMessage as { body: string; senderName: string; recalled: boolean };
    expect(last.senderName).toBe('小刚');
    expect(last.body.endsWith('…')).toBe(true);
    expect([...last.body].length).toBe(81);
    expect(list[0]).toMatchObject({ name: '小红', unreadCount: 1, mentionedMe: false });

    // The reader sees the mention only while it is unread; @all counts for everyone.
    await server.ctx.db
      .updateTable('conversation_members')
      .set({ read_seq: 100 })
      .where('conversation_id', '=', g.id)
      .where('member_id', '=', ming.id)
      .execute();
    await insertMessage(server.ctx, org.orgId, g.id, hong.id, '@所有人 开会', { mentionAll: true });
    const after = (await inject(ming, 'GET', '/api/v1/conversations')).json().items as Record<string, unknown>[];
    expect(after.find((c) => c.id === g.id)).toMatchObject({ unreadCount: 0, mentionedMe: false });

    // Pinning puts the group first, for this member only.
    await inject(ming, 'PATCH', `/api/v1/conversations/${g.id}`, { pinned: true });
    const pinned = (await inject(ming, 'GET', '/api/v1/conversations')).json().items as { id: string }[];
    expect(pinned[0]?.id).toBe(g.id);
    const hongList = (await inject(hong, 'GET', '/api/v1/conversations')).json().items as Record<string, unknown>[];
    expect(hongList.find((c) => c.id === g.id)).toMatchObject({ pinned: false, unreadCount: 2 });
    const recalledPreview = await insertMessage(server.ctx, org.orgId, direct.id, hong.id, '秘密', { recalled: true });
    expect(recalledPreview.seq).toBeGreaterThan(0);
    const withRecalled = (await inject(ming, 'GET', '/api/v1/conversations')).json().items as Record<string, unknown>[];
    expect(withRecalled.find((c) => c.id === direct.id)?.lastMessage).toMatchObject({ body: '', recalled: true });
  });

  it('searches conversations by a Chinese substring of the group or the other member’s name', async () => {
    const { people } = await orgWith(server.ctx, ['欧阳娜娜', '司马光', '诸葛亮']);
    const [a, b, c] = people as [Person, Person, Person];
    await createGroup(server, a, { name: '年度预算评审', memberIds: [b.id] });
    await inject(a, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: c.id });
    const byGroup = (await inject(a, 'GET', `/api/v1/conversations?q=${encodeURIComponent('预算')}`)).json().items;
    expect(byGroup.map((x: { name: string }) => x.name)).toEqual(['年度预算评审']);
    const byPeer = (await inject(a, 'GET', `/api/v1/conversations?q=${encodeURIComponent('葛')}`)).json().items;
    expect(byPeer.map((x: { name: string }) => x.name)).toEqual(['诸葛亮']);
    const none = (await inject(a, 'GET', `/api/v1/conversations?q=${encodeURIComponent('%')}`)).json().items;
    expect(none).toEqual([]);
  });

  it('lets only the owner and admins rename or change settings, and logs one event per change', async () => {
    const g = await createGroup(server, zhang, { name: '周报群', memberIds: [li.id, wang.id] });
    const plain = await inject(li, 'PATCH', `/api/v1/conversations/${g.id}`, { name: '改名' });
    expect(plain.statusCode).toBe(403);
    const own = await inject(li, 'PATCH', `/api/v1/conversations/${g.id}`, { muted: true });
    expect(own.statusCode).toBe(200);
    expect(own.json().muted).toBe(true);
    const renamed = await inject(zhang, 'PATCH', `/api/v1/conversations/${g.id}`, {
      name: '周报与例会',
      announcement: '每周五交周报',
      settings: { onlyAdminsInvite: true, welcomeMessage: '欢迎加入' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: '周报与例会',
      announcement: '每周五交周报',
      settings: { onlyAdminsInvite: true, welcomeMessage: '欢迎加入' },
    });
    await inject(zhang, 'PATCH', `/api/v1/conversations/${g.id}/members/${li.id}`, { role: 'admin' });
    const byAdmin = await inject(li, 'PATCH', `/api/v1/conversations/${g.id}`, { name: '例会群' });
    expect(byAdmin.statusCode).toBe(200);
    expect(await eventsOf(server, g.id)).toEqual([
      [1, 'conversation.created'],
      [2, 'conversation.member_added'],
      [3, 'conversation.updated'],
      [4, 'conversation.updated'],
      [5, 'conversation.updated'],
    ]);
  });

  it('refuses to rename a direct conversation or add members to it', async () => {
    const d = (await inject(zhang, 'POST', '/api/v1/conversations', { kind: 'direct', memberId: li.id })).json();
    expect((await inject(zhang, 'PATCH', `/api/v1/conversations/${d.id}`, { name: 'x' })).statusCode).toBe(409);
    const add = await inject(zhang, 'POST', `/api/v1/conversations/${d.id}/members`, { memberIds: [wang.id] });
    expect(add.statusCode).toBe(409);
  });

  it('answers 404 to a non-member and to another org on every conversation route', async () => {
    const g = await createGroup(server, zhang, { name: '机密群', memberIds: [li.id] });
    const other = await makeOrg(server.ctx, '外部公司');
    const stranger = await person(server.ctx, other, '外人');
    const memberId = li.id;
    const routes: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?][] = [
      ['GET', `/api/v1/conversations/${g.id}`],
      ['PATCH', `/api/v1/conversations/${g.id}`, { name: '偷改' }],
      ['PATCH', `/api/v1/conversations/${g.id}`, { pinned: true }],
      ['POST', `/api/v1/conversations/${g.id}/members`, { memberIds: [wang.id] }],
      ['DELETE', `/api/v1/conversations/${g.id}/members/${memberId}`],
      ['PATCH', `/api/v1/conversations/${g.id}/members/${memberId}`, { role: 'admin' }],
      ['POST', `/api/v1/conversations/${g.id}/transfer-owner`, { memberId }],
      ['POST', `/api/v1/conversations/${g.id}/dissolve`],
      ['POST', `/api/v1/conversations/${g.id}/invites`, {}],
      ['GET', `/api/v1/conversations/${g.id}/invites`],
    ];
    for (const who of [wang, stranger]) {
      for (const [method, url, body] of routes) {
        const res = await inject(who, method, url, body);
        expect(`${method} ${url} ${res.statusCode}`).toBe(`${method} ${url} 404`);
      }
    }
    const list = (await inject(stranger, 'GET', '/api/v1/conversations')).json().items;
    expect(list).toEqual([]);
    expect(await eventsOf(server, g.id)).toHaveLength(2);
  });
});
