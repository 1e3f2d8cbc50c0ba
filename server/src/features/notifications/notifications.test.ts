import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { listen } from '../../../test/realtime-helpers.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { WsTestClient } from '../../../test/ws-client.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Item = { id: string; kind: string; data: Record<string, unknown>; link: string | null; readAt: string | null };
type Page = { items: Item[]; nextBefore: string | null; unreadCount: number };

describe.each(STORE_KINDS)('notifications on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  const ids = { a: '', b: '' };
  let admin: Headers;
  let sellerA: Headers;
  let sellerB: Headers;

  async function signInAgain() {
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sellerA = await sessionFor(server.ctx, org.orgId, ids.a);
    sellerB = await sessionFor(server.ctx, org.orgId, ids.b);
  }
  async function pass(ms: number) {
    server.clock.advance(ms);
    await server.runtime.worker.runDue();
    await server.ctx.bus.drain();
    await signInAgain();
  }
  const inbox = async (who: Headers, query = ''): Promise<Page> =>
    (await call(who, 'GET', `/api/v1/notifications${query}`)).json() as Page;

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '通知公司');
    ids.a = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售甲' })).id;
    ids.b = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售乙' })).id;
    await signInAgain();
  });
  afterAll(() => server.close());

  it('tells the member when a follow-up date comes, once, live and in the list', async () => {
    const customer = await addCustomer(server, sellerA, { name: '回访客户' });
    const nextAt = new Date(server.clock.now().getTime() + 2 * HOUR).toISOString();
    await call(sellerA, 'POST', `/api/v1/customers/${customer.id}/follow-ups`, {
      kind: 'call',
      content: '约回访',
      nextAt,
    });
    const base = await listen(server);
    const socket = await WsTestClient.connect(base, { token: sellerA.authorization.slice('Bearer '.length) });
    const other = await WsTestClient.connect(base, { token: sellerB.authorization.slice('Bearer '.length) });
    try {
      server.clock.advance(2 * HOUR);
      await server.runtime.worker.runDue();
      await server.ctx.bus.drain();
      const frame = await socket.waitFor((f) => f.type === 'notification');
      expect(frame).toMatchObject({
        type: 'notification',
        notification: {
          kind: 'follow_up_due',
          data: { customerId: customer.id, customerName: '回访客户', nextAt },
          link: `/customers/${customer.id}`,
          readAt: null,
        },
      });
      await other.roundTrip();
      expect(other.frames.filter((f) => f.type === 'notification')).toEqual([]);
    } finally {
      await socket.close();
      await other.close();
    }
    // The same reminder delivered again (another node, a replay) adds nothing.
    const [job] = await server.ctx.db
      .selectFrom('customer_follow_ups')
      .select(['id'])
      .where('customer_id', '=', customer.id)
      .execute();
    server.ctx.bus.emit({
      type: 'customer.follow_up_due',
      orgId: org.orgId,
      at: server.clock.now().toISOString(),
      data: { followUpId: job?.id, customerId: customer.id, customerName: '回访客户', memberId: ids.a, nextAt },
    });
    await server.ctx.bus.drain();
    const mine = await inbox(sellerA);
    expect(mine.items.map((n) => n.kind)).toEqual(['follow_up_due']);
    expect(mine.unreadCount).toBe(1);
    expect((await inbox(sellerB)).items).toEqual([]);
  });

  it('tells the receiver of transferred customers, and both sides of a declined transfer', async () => {
    const kept = await addCustomer(server, sellerA, { name: '张三' });
    const moved = await addCustomer(server, sellerA, { name: '李四' });
    const res = await call(admin, 'POST', '/api/v1/customers/transfer', {
      customerIds: [kept.id, moved.id],
      toMemberId: ids.b,
    });
    expect(res.statusCode, res.body).toBe(200);
    const transfers = (await call(admin, 'GET', `/api/v1/customer-transfers?customerId=${kept.id}`)).json() as {
      items: { id: string }[];
    };
    const declined = await call(admin, 'POST', `/api/v1/customer-transfers/${transfers.items[0]?.id}/decline`);
    expect(declined.statusCode, declined.body).toBe(200);
    const told = (await inbox(sellerB)).items.find((n) => n.kind === 'transfer_declined');
    expect(told).toMatchObject({ data: { customerId: kept.id, customerName: '张三' }, link: `/customers/${kept.id}` });
    // The admin declined on the customer's behalf: they asked for it, but need no telling.
    expect((await inbox(admin)).items.filter((n) => n.kind === 'transfer_declined')).toEqual([]);

    await pass(DAY + 1000);
    const received = (await inbox(sellerB)).items.find((n) => n.kind === 'customers_received');
    expect(received).toMatchObject({ data: { count: 1, names: ['李四'] }, link: '/customers' });
  });

  it('marks chosen or all notifications read, never another member’s, and pages newest first', async () => {
    const before = await inbox(sellerB);
    expect(before.unreadCount).toBe(2);
    const [newest, older] = before.items;
    const someoneElses = await call(sellerA, 'POST', '/api/v1/notifications/read', { ids: [newest?.id] });
    expect(someoneElses.json()).toEqual({ marked: 0, unreadCount: 1 });
    const one = await call(sellerB, 'POST', '/api/v1/notifications/read', { ids: [newest?.id] });
    expect(one.json()).toEqual({ marked: 1, unreadCount: 1 });
    expect((await inbox(sellerB, '?unread=true')).items.map((n) => n.id)).toEqual([older?.id]);

    const first = await inbox(sellerB, '?limit=1');
    expect(first.items.map((n) => n.id)).toEqual([newest?.id]);
    expect(first.nextBefore).not.toBeNull();
    const second = await inbox(sellerB, `?limit=1&before=${first.nextBefore}`);
    expect(second.items.map((n) => n.id)).toEqual([older?.id]);
    expect(second.nextBefore).toBeNull();

    const all = await call(sellerB, 'POST', '/api/v1/notifications/read', { all: true });
    expect(all.json()).toEqual({ marked: 1, unreadCount: 0 });
  });

  it('refuses bad input with a clear code', async () => {
    const badCursor = await call(sellerB, 'GET', '/api/v1/notifications?before=bm9wZQ');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error).toMatchObject({ code: 'invalid', details: { field: 'before' } });
    for (const payload of [{}, { ids: [] }, { ids: ['not-an-id'] }, { all: false }, { all: true, ids: [ids.a] }]) {
      const res = await call(sellerB, 'POST', '/api/v1/notifications/read', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBeTruthy();
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
