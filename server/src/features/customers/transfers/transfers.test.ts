import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type TransferJson = {
  id: string;
  status: string;
  reason: string | null;
  kind: string;
  customer: { id: string; name: string };
  from: { id: string; name: string };
  to: { id: string; name: string };
  message: string;
  notice: { status: string; reason: string | null };
  decideBy: string | null;
  followUpsMoved: number;
};

describe.each(STORE_KINDS)('on-the-job customer transfers on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  let supervisor: Headers;
  let sellerA: Headers;
  let sellerB: Headers;
  let bystander: Headers;
  const ids = { a: '', b: '', sup: '', by: '' };
  const due: { customerId: unknown; memberId: unknown }[] = [];

  /** Test sessions last a day: after a jump in time, everyone signs in again. */
  async function signInAgain() {
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    supervisor = await sessionFor(server.ctx, org.orgId, ids.sup);
    sellerA = await sessionFor(server.ctx, org.orgId, ids.a);
    sellerB = await sessionFor(server.ctx, org.orgId, ids.b);
    bystander = await sessionFor(server.ctx, org.orgId, ids.by);
  }

  async function pass(ms: number) {
    server.clock.advance(ms);
    await server.runtime.worker.runDue();
    await server.ctx.bus.drain();
    await signInAgain();
  }

  async function ownerOf(customerId: string) {
    const row = await server.ctx.db
      .selectFrom('customers')
      .select('owner_id')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    return row.owner_id;
  }

  async function transfer(customerIds: string[], toMemberId: string, extra: object = {}) {
    return call(supervisor, 'POST', '/api/v1/customers/transfer', { customerIds, toMemberId, ...extra });
  }

  async function transferOf(id: string): Promise<TransferJson> {
    const list = await call(admin, 'GET', `/api/v1/customer-transfers?customerId=${id}&limit=1`);
    const [first] = (list.json() as { items: TransferJson[] }).items;
    if (!first) throw new Error('no transfer');
    return first;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '继承公司');
    const dept = org.rootDepartmentId;
    ids.a = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售甲' })).id;
    ids.b = (await makeMember(server.ctx, org, { departmentId: dept, name: '销售乙' })).id;
    ids.by = (await makeMember(server.ctx, org, { departmentId: dept, name: '旁观者' })).id;
    ids.sup = (await makeMember(server.ctx, org, { departmentId: dept, name: '主管', roles: ['supervisor'] })).id;
    await signInAgain();
    server.ctx.bus.on('customer.follow_up_due', (e) => {
      due.push({ customerId: e.data.customerId, memberId: e.data.memberId });
    });
  });
  afterAll(() => server.close());

  it('hands customers to B when the 24 hours pass, with their open follow-ups, and records the notice was not delivered', async () => {
    const one = await addCustomer(server, sellerA, { name: '转接客户一' });
    const two = await addCustomer(server, sellerA, { name: '转接客户二' });
    const nextAt = new Date(server.clock.now().getTime() + 2 * DAY).toISOString();
    const f = await call(sellerA, 'POST', `/api/v1/customers/${one.id}/follow-ups`, {
      kind: 'call',
      content: '约下周报价',
      nextAt,
    });
    expect(f.statusCode, f.body).toBe(201);

    const res = await transfer([one.id, two.id], ids.b, { message: '您好，后续由销售乙为您服务' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { counts: { waiting: number; refused: number }; items: TransferJson[] };
    expect(body.counts).toEqual({ waiting: 2, refused: 0 });
    expect(body.items[0]).toMatchObject({
      kind: 'on_the_job',
      status: 'waiting',
      from: { id: ids.a, name: '销售甲' },
      to: { id: ids.b, name: '销售乙' },
      message: '您好，后续由销售乙为您服务',
      notice: { status: 'undelivered', reason: 'no_conversation' },
      decideBy: new Date(server.clock.now().getTime() + DAY).toISOString(),
    });
    expect(await ownerOf(one.id)).toBe(ids.a);

    await pass(DAY - 1000);
    expect(await ownerOf(one.id)).toBe(ids.a);
    await pass(1000);
    expect(await ownerOf(one.id)).toBe(ids.b);
    expect(await ownerOf(two.id)).toBe(ids.b);
    expect(await transferOf(one.id)).toMatchObject({ status: 'done', followUpsMoved: 1 });

    // The follow-up's reminder now reaches B.
    due.length = 0;
    await pass(DAY);
    expect(due).toEqual([{ customerId: one.id, memberId: ids.b }]);
  });

  it('uses 「您好，后续将由 B 为您服务」 when no message is written', async () => {
    const c = await addCustomer(server, sellerA, { name: '默认话术客户' });
    const res = await transfer([c.id], ids.b);
    expect((res.json() as { items: TransferJson[] }).items[0]?.message).toBe('您好，后续将由 销售乙 为您服务');
  });

  it('keeps the customer with A when the customer declines within 24 hours', async () => {
    const c = await addCustomer(server, sellerA, { name: '拒绝客户' });
    const t = (await transfer([c.id], ids.b)).json().items[0] as TransferJson;
    await pass(HOUR);
    const declined = await call(admin, 'POST', `/api/v1/customer-transfers/${t.id}/decline`);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', reason: 'customer_declined' });
    await pass(DAY);
    expect(await ownerOf(c.id)).toBe(ids.a);
    const again = await call(admin, 'POST', `/api/v1/customer-transfers/${t.id}/decline`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'not_waiting' });
  });

  it('refuses a decline after the 24 hours, and B takes over', async () => {
    const c = await addCustomer(server, sellerA, { name: '超时客户' });
    const t = (await transfer([c.id], ids.b)).json().items[0] as TransferJson;
    server.clock.advance(DAY + 1000);
    await signInAgain();
    const late = await call(admin, 'POST', `/api/v1/customer-transfers/${t.id}/decline`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'decline_window_closed' });
    await pass(0);
    expect(await ownerOf(c.id)).toBe(ids.b);
  });

  it('refuses the customers past B’s limit and lets the rest wait', async () => {
    const held = await server.ctx.db
      .selectFrom('customers')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('owner_id', '=', ids.b)
      .where('deleted_at', 'is', null)
      .execute();
    const put = await call(admin, 'PUT', '/api/v1/customer-settings', { memberLimit: held.length + 1 });
    expect(put.statusCode, put.body).toBe(200);
    const x = await addCustomer(server, sellerA, { name: '限额客户一' });
    const y = await addCustomer(server, sellerA, { name: '限额客户二' });
    const res = await transfer([x.id, y.id], ids.b);
    expect(res.json().counts).toEqual({ waiting: 1, refused: 1 });
    expect((res.json().items as TransferJson[]).map((t) => [t.customer.id, t.status, t.reason])).toEqual([
      [x.id, 'waiting', null],
      [y.id, 'refused', 'member_customer_limit'],
    ]);
    await pass(DAY);
    expect(await ownerOf(x.id)).toBe(ids.b);
    expect(await ownerOf(y.id)).toBe(ids.a);
    await call(admin, 'PUT', '/api/v1/customer-settings', { memberLimit: 5000 });
  });

  it('allows a customer two transfers in 90 days and refuses the third with 409 transfer_limit', async () => {
    const c = await addCustomer(server, sellerA, { name: '频繁转接客户' });
    expect((await transfer([c.id], ids.b)).statusCode).toBe(200);
    const pending = await transfer([c.id], ids.b);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.details).toMatchObject({ reason: 'transfer_pending', customerIds: [c.id] });
    await pass(DAY);
    expect((await transfer([c.id], ids.a)).statusCode).toBe(200);
    await pass(DAY);
    expect(await ownerOf(c.id)).toBe(ids.a);
    const third = await transfer([c.id], ids.b);
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({
      code: 'conflict',
      details: { reason: 'transfer_limit', customerIds: [c.id], maxTransfers: 2, windowDays: 90 },
    });
    await pass(89 * DAY);
    expect((await transfer([c.id], ids.b)).statusCode).toBe(200);
  });

  it('follows the org’s own limits, changed only with customer.manage', async () => {
    expect((await call(supervisor, 'PUT', '/api/v1/customer-settings', { maxTransfers: 9 })).statusCode).toBe(403);
    const saved = await call(admin, 'PUT', '/api/v1/customer-settings', { maxTransfers: 1, windowDays: 30 });
    expect(saved.json()).toEqual({ maxTransfers: 1, windowDays: 30, memberLimit: 5000, decideHours: 24 });
    expect((await call(sellerA, 'GET', '/api/v1/customer-settings')).json()).toMatchObject({ maxTransfers: 1 });
    const c = await addCustomer(server, sellerA, { name: '一次客户' });
    await transfer([c.id], ids.b);
    await pass(DAY);
    expect((await transfer([c.id], ids.a)).json().error.details).toMatchObject({ reason: 'transfer_limit' });
    await call(admin, 'PUT', '/api/v1/customer-settings', { maxTransfers: 2, windowDays: 90 });
  });

  it('answers bad transfers with a clear 4xx and writes nothing', async () => {
    const c = await addCustomer(server, sellerA, { name: '坏请求客户' });
    const before = await server.ctx.db.selectFrom('customer_transfers').select('id').execute();
    const cases: [Headers, object, number, string | undefined][] = [
      [supervisor, { customerIds: [c.id], toMemberId: ids.b, message: '长'.repeat(201) }, 400, 'too_long'],
      [supervisor, { customerIds: [c.id], toMemberId: ids.b, message: '   ' }, 400, 'required'],
      [supervisor, { customerIds: [], toMemberId: ids.b }, 400, undefined],
      [supervisor, { customerIds: [c.id], toMemberId: ids.a }, 409, 'already_owner'],
      [supervisor, { customerIds: [c.id], toMemberId: '00000000-0000-4000-8000-000000000000' }, 404, undefined],
      [supervisor, { customerIds: ['00000000-0000-4000-8000-000000000000'], toMemberId: ids.b }, 404, undefined],
      [sellerA, { customerIds: [c.id], toMemberId: ids.b }, 403, undefined],
    ];
    for (const [who, payload, status, reason] of cases) {
      const res = await call(who, 'POST', '/api/v1/customers/transfer', payload);
      expect(res.statusCode, `${JSON.stringify(payload)} ${res.body}`).toBe(status);
      expect(res.json().error.message).toBeTruthy();
      if (reason) expect(res.json().error.details).toMatchObject({ reason });
    }
    expect(await server.ctx.db.selectFrom('customer_transfers').select('id').execute()).toHaveLength(before.length);
  });

  it('lists transfers by status to supervisors and to the members involved, not to others', async () => {
    const pending = await addCustomer(server, sellerA, { name: '列表客户' });
    expect((await transfer([pending.id], ids.b)).statusCode).toBe(200);
    const waiting = await call(supervisor, 'GET', '/api/v1/customer-transfers?status=waiting');
    const items = (waiting.json() as { items: TransferJson[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((t) => t.status === 'waiting')).toBe(true);
    const mine = (await call(sellerB, 'GET', '/api/v1/customer-transfers')).json() as { items: TransferJson[] };
    expect(mine.items.every((t) => t.to.id === ids.b || t.from.id === ids.b)).toBe(true);
    expect(mine.items.length).toBeGreaterThan(0);
    expect((await call(bystander, 'GET', '/api/v1/customer-transfers')).json().items).toEqual([]);
    const declined = (await call(admin, 'GET', '/api/v1/customer-transfers?status=declined')).json().items;
    expect(declined.map((t: TransferJson) => t.customer.name)).toEqual(['拒绝客户']);
    const paged = await call(admin, 'GET', '/api/v1/customer-transfers?limit=2');
    const next = paged.json().nextCursor as string;
    const page2 = await call(admin, 'GET', `/api/v1/customer-transfers?limit=2&cursor=${next}`);
    expect(page2.statusCode).toBe(200);
    expect(page2.json().items[0].id < paged.json().items[1].id).toBe(true);
  });

  it('audits every request and every outcome', async () => {
    const rows = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind'])
      .where('org_id', '=', org.orgId)
      .where('action', 'like', 'customer.transfer%')
      .execute();
    const actions = new Set(rows.map((r) => `${r.action}:${r.actor_kind}`));
    expect([...actions].sort()).toEqual(
      [
        'customer.transfer_completed:system',
        'customer.transfer_declined:member',
        'customer.transfer_requested:member',
        'customer.transfer_settings_changed:member',
      ].sort(),
    );
  });
});
