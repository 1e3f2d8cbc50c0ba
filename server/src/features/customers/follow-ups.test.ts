import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

const HOUR = 3_600_000;

describe.each(STORE_KINDS)('customer follow-ups on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let seller: Headers;
  let sellerId: string;
  let other: Headers;
  let admin: Headers;
  const due: { customerId: unknown; memberId: unknown }[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '跟进公司');
    sellerId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '跟进员' })).id;
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    const o = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '旁人' });
    other = await sessionFor(server.ctx, org.orgId, o.id);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    server.ctx.bus.on('customer.follow_up_due', (e) => {
      due.push({ customerId: e.data.customerId, memberId: e.data.memberId });
    });
  });
  afterAll(() => server.close());

  it('records calls and visits, newest first, and reminds the author on the next date, once', async () => {
    const customer = await addCustomer(server, seller, { name: '跟进客户' });
    const earlier = new Date(server.clock.now().getTime() - 2 * HOUR).toISOString();
    const visit = await call(seller, 'POST', `/api/v1/customers/${customer.id}/follow-ups`, {
      kind: 'visit',
      content: '上门演示打印机',
      happenedAt: earlier,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const nextAt = new Date(server.clock.now().getTime() + 3 * HOUR).toISOString();
    const phoned = await call(seller, 'POST', `/api/v1/customers/${customer.id}/follow-ups`, {
      kind: 'call',
      content: '电话确认预算\n下周报价',
      nextAt,
    });
    expect(phoned.json()).toMatchObject({
      kind: 'call',
      content: '电话确认预算\n下周报价',
      nextAt,
      author: { id: sellerId, name: '跟进员' },
    });
    const list = (await call(seller, 'GET', `/api/v1/customers/${customer.id}/follow-ups`)).json();
    expect(list.items.map((f: { kind: string }) => f.kind)).toEqual(['call', 'visit']);

    const worker = server.runtime.worker;
    server.clock.advance(3 * HOUR - 1000);
    await worker.runDue();
    await server.ctx.bus.drain();
    expect(due).toEqual([]);
    server.clock.advance(1000);
    await worker.runDue();
    await server.ctx.bus.drain();
    expect(due).toEqual([{ customerId: customer.id, memberId: sellerId }]);
    server.clock.advance(HOUR);
    await worker.runDue();
    await server.ctx.bus.drain();
    expect(due).toHaveLength(1);
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
  });

  it('sends no reminder when a later follow-up came first or the customer was deleted', async () => {
    due.length = 0;
    const customer = await addCustomer(server, seller, { name: '已跟进客户' });
    const nextAt = new Date(server.clock.now().getTime() + HOUR).toISOString();
    await call(seller, 'POST', `/api/v1/customers/${customer.id}/follow-ups`, {
      kind: 'note',
      content: '先记下',
      nextAt,
    });
    const gone = await addCustomer(server, seller, { name: '将被删除' });
    await call(seller, 'POST', `/api/v1/customers/${gone.id}/follow-ups`, { kind: 'note', content: '再联系', nextAt });
    server.clock.advance(60_000);
    await call(seller, 'POST', `/api/v1/customers/${customer.id}/follow-ups`, { kind: 'message', content: '已回复' });
    expect((await call(admin, 'DELETE', `/api/v1/customers/${gone.id}`)).statusCode).toBe(200);
    server.clock.advance(HOUR);
    await server.runtime.worker.runDue();
    await server.ctx.bus.drain();
    expect(due).toEqual([]);
  });

  it('refuses follow-ups on customers out of scope, and bad dates, with clear errors', async () => {
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    const customer = await addCustomer(server, seller, { name: '别人看不到' });
    const url = `/api/v1/customers/${customer.id}/follow-ups`;
    expect((await call(other, 'POST', url, { kind: 'call', content: '越权' })).statusCode).toBe(404);
    expect((await call(other, 'GET', url)).statusCode).toBe(404);
    const past = new Date(server.clock.now().getTime() - HOUR).toISOString();
    const future = new Date(server.clock.now().getTime() + 24 * HOUR).toISOString();
    const cases: [object, string][] = [
      [{ kind: 'call', content: '下次', nextAt: past }, 'nextAt'],
      [{ kind: 'call', content: '未来的事', happenedAt: future }, 'happenedAt'],
      [{ kind: 'fax', content: '传真' }, 'kind'],
      [{ kind: 'call', content: '   ' }, 'content'],
      [{ kind: 'call', content: '坏日期', nextAt: 'tomorrow' }, 'nextAt'],
    ];
    for (const [body, field] of cases) {
      const res = await call(seller, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    }
    expect((await call(seller, 'GET', url)).json().items).toEqual([]);
  });
});
