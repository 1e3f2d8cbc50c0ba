import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, type Person, person } from '../../../test/conversation-fixtures.js';
import { caller, type Headers, makeRole } from '../../../test/customer-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { makeGuest } from '../../../test/messaging-factories.js';
import { STORE_KINDS } from '../../../test/stores.js';

const HOUR = 3_600_000;

describe.each(STORE_KINDS)('customer groups on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let seller: Person;
  let helper: Person;
  let elsewhere: Person;
  let supervisor: Headers;
  let otherSupervisor: Headers;
  let groupId: string;
  let guest: Headers;
  let k = 0;

  const send = (who: Headers, body: string) =>
    call(who, 'POST', `/api/v1/conversations/${groupId}/messages`, { clientMsgId: `m${k++}`, body });
  const systemBodies = async () =>
    (
      await server.ctx.db
        .selectFrom('messages')
        .select('body')
        .where('conversation_id', '=', groupId)
        .where('kind', '=', 'system')
        .orderBy('seq')
        .execute()
    ).map((m) => m.body);

  beforeAll(async () => {
    // 2026-03-02 10:00 China time.
    server = await startTestServer(kind);
    server.clock.set('2026-03-02T02:00:00.000Z');
    call = caller(server);
    org = await makeOrg(server.ctx, '客户群公司');
    const sales = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
    const service = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '客服部');
    seller = await person(server.ctx, org, '群主销售', sales);
    helper = await person(server.ctx, org, '协助同事', sales);
    elsewhere = await person(server.ctx, org, '客服同事', service);
    const viewRole = await makeRole(server.ctx, org, '客户主管', 'department_tree', ['customer.view']);
    const salesLead = await makeMember(server.ctx, org, { departmentId: sales, name: '销售主管', roleIds: [viewRole] });
    const serviceLead = await makeMember(server.ctx, org, {
      departmentId: service,
      name: '客服主管',
      roleIds: [viewRole],
    });
    supervisor = await sessionFor(server.ctx, org.orgId, salesLead.id);
    otherSupervisor = await sessionFor(server.ctx, org.orgId, serviceLead.id);
    groupId = (await createGroup(server, seller, { kind: 'external', name: '打印机客户群', memberIds: [helper.id] }))
      .id;
    const guestId = await makeGuest(server.ctx, org, groupId, '王女士');
    guest = await sessionFor(server.ctx, org.orgId, guestId);
  });
  afterAll(() => server.close());

  it('lets the owner flag an external group, audited, and refuses others and internal groups', async () => {
    expect(
      (await call(helper.headers, 'PUT', `/api/v1/conversations/${groupId}/customer-group`, { enabled: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(elsewhere.headers, 'PUT', `/api/v1/conversations/${groupId}/customer-group`, { enabled: true }))
        .statusCode,
    ).toBe(404);
    const internal = await createGroup(server, seller, { kind: 'group', name: '内部群', memberIds: [helper.id] });
    const refused = await call(seller.headers, 'PUT', `/api/v1/conversations/${internal.id}/customer-group`, {
      enabled: true,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'invalid', details: { reason: 'not_external' } });

    const flagged = await call(seller.headers, 'PUT', `/api/v1/conversations/${groupId}/customer-group`, {
      enabled: true,
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    // Flagging again changes nothing and records nothing more.
    await call(seller.headers, 'PUT', `/api/v1/conversations/${groupId}/customer-group`, { enabled: true });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('org_id', '=', org.orgId)
      .where('action', 'like', 'customer_group.%')
      .execute();
    expect(audit).toEqual([{ action: 'customer_group.flagged', target_id: groupId }]);
  });

  it('lists the group for its members and for a supervisor over its owner, not for others', async () => {
    const expected = {
      id: groupId,
      name: '打印机客户群',
      owner: { id: seller.id, name: '群主销售' },
      staffCount: 2,
      customerCount: 1,
      autoReplyCount: 0,
    };
    expect((await call(seller.headers, 'GET', '/api/v1/customer-groups')).json().items).toEqual([
      expect.objectContaining({ ...expected, manageable: true }),
    ]);
    expect((await call(helper.headers, 'GET', '/api/v1/customer-groups')).json().items).toEqual([
      expect.objectContaining({ ...expected, manageable: false }),
    ]);
    expect((await call(supervisor, 'GET', '/api/v1/customer-groups')).json().items).toEqual([
      expect.objectContaining({ ...expected, manageable: false }),
    ]);
    expect((await call(otherSupervisor, 'GET', '/api/v1/customer-groups')).json().items).toEqual([]);
    expect((await call(elsewhere.headers, 'GET', '/api/v1/customer-groups')).json().items).toEqual([]);
    expect((await call(otherSupervisor, 'GET', `/api/v1/customer-groups/${groupId}/stats`)).statusCode).toBe(404);
  });

  it('answers a customer’s keyword with the set reply, once, and never a colleague’s', async () => {
    const rules = [
      { keywords: ['1', ' 1 '], match: 'exact', reply: '福利领取链接：https://example.com/gift' },
      { keywords: ['价格'], match: 'contains', reply: '报价请咨询群主' },
    ];
    expect(
      (await call(helper.headers, 'PUT', `/api/v1/customer-groups/${groupId}/auto-replies`, { rules })).statusCode,
    ).toBe(403);
    const saved = await call(seller.headers, 'PUT', `/api/v1/customer-groups/${groupId}/auto-replies`, { rules });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rules[0].keywords).toEqual(['1']);
    expect(
      (await call(helper.headers, 'GET', `/api/v1/customer-groups/${groupId}/auto-replies`)).json().rules,
    ).toHaveLength(2);

    expect((await send(guest, '１')).statusCode).toBe(200);
    expect((await send(guest, '请问这款打印机价格？')).statusCode).toBe(200);
    expect((await send(guest, '谢谢')).statusCode).toBe(200);
    expect((await send(helper.headers, '价格我来回答')).statusCode).toBe(200);
    expect(await systemBodies()).toEqual(['福利领取链接：https://example.com/gift', '报价请咨询群主']);

    // The same event delivered again (another node, a replay) posts nothing more.
    const last = await server.ctx.db
      .selectFrom('conversation_events')
      .selectAll()
      .where('conversation_id', '=', groupId)
      .where('type', '=', 'message.created')
      .where('actor_id', 'is not', null)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    server.ctx.bus.emit({
      type: 'message.created',
      orgId: org.orgId,
      at: last.created_at,
      actorId: last.actor_id,
      data: { conversationId: groupId, seq: last.seq, actorId: last.actor_id, payload: JSON.parse(last.payload) },
    });
    await server.ctx.bus.drain();
    expect(await systemBodies()).toHaveLength(2);
  });

  it('refuses bad auto-replies with a clear code and keeps the old ones', async () => {
    const bad = [
      { rules: [{ keywords: ['  '], match: 'exact', reply: '好' }] },
      { rules: [{ keywords: [], match: 'exact', reply: '好' }] },
      { rules: [{ keywords: ['a'], match: 'regex', reply: '好' }] },
      { rules: [{ keywords: ['a'], match: 'exact', reply: '' }] },
      { rules: Array.from({ length: 21 }, () => ({ keywords: ['a'], match: 'exact', reply: '好' })) },
    ];
    for (const body of bad) {
      const res = await call(seller.headers, 'PUT', `/api/v1/customer-groups/${groupId}/auto-replies`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('invalid');
    }
    expect(
      (await call(seller.headers, 'GET', `/api/v1/customer-groups/${groupId}/auto-replies`)).json().rules,
    ).toHaveLength(2);
  });

  it('counts joins, leaves, speakers and messages per China day', async () => {
    // 2026-03-03 00:30 China time: a new day.
    server.clock.advance(14.5 * HOUR);
    const seller2 = await sessionFor(server.ctx, org.orgId, seller.id);
    expect(
      (await call(seller2, 'POST', `/api/v1/conversations/${groupId}/members`, { memberIds: [elsewhere.id] }))
        .statusCode,
    ).toBe(200);
    const refreshed = await sessionFor(server.ctx, org.orgId, elsewhere.id);
    expect(
      (await call(refreshed, 'DELETE', `/api/v1/conversations/${groupId}/members/${elsewhere.id}`)).statusCode,
    ).toBeLessThan(300);
    const stats = await call(seller2, 'GET', `/api/v1/customer-groups/${groupId}/stats?from=2026-03-02&to=2026-03-03`);
    expect(stats.statusCode, stats.body).toBe(200);
    const [first, second] = stats.json().days;
    // The colleague added when the group was made; the customer here was seated without an event.
    expect(first).toEqual({ day: '2026-03-02', joins: 1, leaves: 0, activeMembers: 2, messages: 4 });
    expect(second).toEqual({ day: '2026-03-03', joins: 1, leaves: 1, activeMembers: 0, messages: 0 });
    expect(stats.json().totals).toEqual({ joins: 2, leaves: 1, messages: 4 });

    for (const q of ['from=2026-03-05&to=2026-03-01', 'from=2026-01-01&to=2026-06-01', 'from=3月1日']) {
      const res = await call(seller2, 'GET', `/api/v1/customer-groups/${groupId}/stats?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });
});
