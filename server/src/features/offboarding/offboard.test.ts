import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { makeConversation } from '../../../test/messaging-factories.js';
import { STORE_KINDS } from '../../../test/stores.js';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('offboarding a member in one action on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  const dept = () => org.rootDepartmentId;

  async function member(name: string) {
    const id = (await makeMember(server.ctx, org, { departmentId: dept(), name })).id;
    return { id, name, headers: await sessionFor(server.ctx, org.orgId, id) };
  }

  async function ownersOf(customerIds: string[]) {
    const rows = await server.ctx.db
      .selectFrom('customers')
      .select(['id', 'owner_id'])
      .where('id', 'in', customerIds)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.id, r.owner_id]));
  }

  async function statusOf(id: string) {
    const row = await server.ctx.db
      .selectFrom('members')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '交接公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
  });
  afterAll(() => server.close());

  it('disables sign-in, hands customers, open follow-ups and groups to the successor, and reports each step', async () => {
    const leaver = await member('离职销售');
    const heir = await member('接任销售');
    const colleague = await member('同事');
    const customers = [];
    for (const name of ['客户甲', '客户乙', '客户丙'])
      customers.push(await addCustomer(server, leaver.headers, { name }));
    const first = customers[0] as { id: string };
    const nextAt = new Date(server.clock.now().getTime() + 3 * DAY).toISOString();
    await call(leaver.headers, 'POST', `/api/v1/customers/${first.id}/follow-ups`, {
      kind: 'visit',
      content: '拜访',
      nextAt,
    });
    await call(leaver.headers, 'POST', `/api/v1/customers/${first.id}/follow-ups`, { kind: 'note', content: '备注' });
    const group = await makeConversation(server.ctx, {
      orgId: org.orgId,
      members: [
        { id: leaver.id, role: 'owner' },
        { id: colleague.id, role: 'member' },
      ],
    });

    // Open to-dos of the leaver: one in the group (the successor joins it), one a colleague gave
    // them in a chat the successor is not in (back to the colleague), one already done (stays).
    let sentCount = 0;
    const todo = async (headers: Headers, conversationId: string, assigneeId: string, body: string) => {
      const sent = await call(headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
        clientMsgId: `todo-${++sentCount}`,
        body,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      const made = await call(headers, 'POST', `/api/v1/messages/${sent.json().id}/todo`, {
        assigneeIds: [assigneeId],
      });
      expect(made.statusCode, made.body).toBe(200);
      return made.json().items[0].id as string;
    };
    const pair = await makeConversation(server.ctx, {
      orgId: org.orgId,
      name: '两人小组',
      members: [
        { id: colleague.id, role: 'owner' },
        { id: leaver.id, role: 'member' },
      ],
    });
    const inGroup = await todo(leaver.headers, group, leaver.id, '整理报价单');
    const fromColleague = await todo(colleague.headers, pair, leaver.id, '回访客户');
    const finished = await todo(leaver.headers, group, leaver.id, '已完成的事');
    expect((await call(leaver.headers, 'POST', `/api/v1/todos/${finished}/done`)).statusCode).toBe(200);

    const res = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, { successorId: heir.id });
    expect(res.statusCode, res.body).toBe(200);
    await server.ctx.bus.drain();
    const report = res.json();
    expect(report).toMatchObject({
      member: { id: leaver.id, name: '离职销售' },
      signIn: { disabled: true, sessionsRevoked: 1 },
      groups: { owned: 1, successor: { id: heir.id, name: '接任销售' } },
      todos: { open: 2 },
      customers: { total: 3, followUps: 1, waitingCancelled: 0 },
      successors: [{ member: { id: heir.id, name: '接任销售' }, customers: 3, followUps: 1 }],
    });

    expect(await statusOf(leaver.id)).toBe('departed');
    expect((await call(leaver.headers, 'GET', '/api/v1/customers')).statusCode).toBe(401);
    expect(Object.values(await ownersOf(customers.map((c) => c.id)))).toEqual([heir.id, heir.id, heir.id]);
    const conv = await server.ctx.db
      .selectFrom('conversations')
      .select('owner_id')
      .where('id', '=', group)
      .executeTakeFirstOrThrow();
    expect(conv.owner_id).toBe(heir.id);
    const assignees = await server.ctx.db
      .selectFrom('todos')
      .select(['id', 'assignee_id'])
      .where('id', 'in', [inGroup, fromColleague, finished])
      .execute();
    expect(Object.fromEntries(assignees.map((t) => [t.id, t.assignee_id]))).toEqual({
      [inGroup]: heir.id,
      [fromColleague]: colleague.id,
      [finished]: leaver.id,
    });
    const heirTodos = await call(heir.headers, 'GET', '/api/v1/todos?status=open');
    expect(heirTodos.json().items.map((t: { id: string }) => t.id)).toEqual([inGroup]);

    // B sees the full history and the transfers, done at once.
    const history = await call(heir.headers, 'GET', `/api/v1/customers/${first.id}/follow-ups`);
    expect(history.json().items).toHaveLength(2);
    const transfers = await call(admin, 'GET', `/api/v1/customer-transfers?batchId=${report.customers.batchId}`);
    expect(transfers.json().items.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`)).toEqual([
      'departure:done',
      'departure:done',
      'departure:done',
    ]);

    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('target_id', '=', leaver.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['member.departed', 'customers.handed_over', 'member.offboarded']);
  });

  it('gives named customers to named members and spreads the rest evenly', async () => {
    const leaver = await member('分配离职');
    const [x, y, z] = [await member('接手甲'), await member('接手乙'), await member('接手丙')];
    const customers = [];
    for (const name of ['一号', '二号', '三号', '四号', '五号']) {
      customers.push(await addCustomer(server, leaver.headers, { name }));
    }
    const named = customers[4] as { id: string };
    const res = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, {
      distribution: [{ memberId: x.id, customerIds: [named.id] }],
      spreadOver: [y.id, z.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const counts = Object.fromEntries(
      (res.json().successors as { member: { id: string }; customers: number }[]).map((s) => [s.member.id, s.customers]),
    );
    expect(counts).toEqual({ [x.id]: 1, [y.id]: 2, [z.id]: 2 });
    expect(res.json().groups).toEqual({ owned: 0, successor: null });
    expect((await ownersOf([named.id]))[named.id]).toBe(x.id);
  });

  it('writes nothing when a customer is left without a successor or a successor is at their limit', async () => {
    const leaver = await member('被拒离职');
    const heir = await member('满额接任');
    const c = await addCustomer(server, leaver.headers, { name: '留守客户' });
    const none = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toMatchObject({ reason: 'unassigned_customers', customerIds: [c.id] });

    await addCustomer(server, heir.headers, { name: '已有客户' });
    await call(admin, 'PUT', '/api/v1/customer-settings', { memberLimit: 1 });
    const full = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, { successorId: heir.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details).toMatchObject({ reason: 'member_customer_limit', memberId: heir.id, limit: 1 });
    await call(admin, 'PUT', '/api/v1/customer-settings', { memberLimit: 5000 });

    const self = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, { spreadOver: [leaver.id] });
    expect(self.statusCode).toBe(400);
    const stranger = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, {
      distribution: [{ memberId: heir.id, customerIds: ['00000000-0000-4000-8000-000000000000'] }],
      successorId: heir.id,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toMatchObject({ reason: 'not_owned' });

    expect(await statusOf(leaver.id)).toBe('active');
    expect((await ownersOf([c.id]))[c.id]).toBe(leaver.id);
    expect((await call(leaver.headers, 'GET', '/api/v1/customers')).statusCode).toBe(200);
  });

  it('cancels waiting transfers from or to the departing member', async () => {
    const leaver = await member('待转离职');
    const other = await member('另一位');
    const mine = await addCustomer(server, leaver.headers, { name: '待转出客户' });
    const theirs = await addCustomer(server, other.headers, { name: '待转入客户' });
    expect(
      (await call(admin, 'POST', '/api/v1/customers/transfer', { customerIds: [mine.id], toMemberId: other.id }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(admin, 'POST', '/api/v1/customers/transfer', { customerIds: [theirs.id], toMemberId: leaver.id }))
        .statusCode,
    ).toBe(200);
    const res = await call(admin, 'POST', `/api/v1/members/${leaver.id}/offboard`, { successorId: other.id });
    expect(res.json().customers).toMatchObject({ total: 1, waitingCancelled: 2 });
    const list = await call(admin, 'GET', `/api/v1/customer-transfers?memberId=${leaver.id}&kind=on_the_job`);
    expect(
      list
        .json()
        .items.map((t: { status: string; reason: string }) => `${t.status}:${t.reason}`)
        .sort(),
    ).toEqual(['cancelled:owner_departed', 'cancelled:receiver_departed']);
    server.clock.advance(DAY + 1);
    await server.runtime.worker.runDue();
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    expect(await ownersOf([mine.id, theirs.id])).toEqual({ [mine.id]: other.id, [theirs.id]: other.id });
  });

  it('hands customers to the named successor when a member departs through the plain depart', async () => {
    const leaver = await member('普通离职');
    const heir = await member('普通接任');
    const c = await addCustomer(server, leaver.headers, { name: '普通离职客户' });
    const res = await call(admin, 'POST', `/api/v1/members/${leaver.id}/depart`, { successorId: heir.id });
    expect(res.statusCode, res.body).toBe(200);
    expect((await ownersOf([c.id]))[c.id]).toBe(heir.id);
  });

  it('refuses members outside the actor’s reach and the actor themselves', async () => {
    const self = await call(admin, 'POST', `/api/v1/members/${org.ownerId}/offboard`, {});
    expect(self.statusCode).toBe(409);
    const plain = await member('无权成员');
    const target = await member('目标成员');
    const denied = await call(plain.headers, 'POST', `/api/v1/members/${target.id}/offboard`, {});
    expect([403, 404]).toContain(denied.statusCode);
    expect(await statusOf(target.id)).toBe('active');
  });
});
