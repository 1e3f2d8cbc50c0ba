import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalyticsFixture, seedAnalyticsFixture } from '../../../../test/analytics-fixtures.js';
import { addCustomer, caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeOrg, sessionFor } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';

type Step = { name: string; reached: number; current: number; fromPrevious: number | null; fromFirst: number | null };
type FunnelJson = { customers: number; steps: Step[]; lost: Step[] };

const reachedOf = (body: FunnelJson) => [...body.steps, ...body.lost].map((s) => [s.name, s.reached]);

describe.each(STORE_KINDS)('customer analytics on %s', (kind) => {
  let server: TestServer;
  let fx: AnalyticsFixture;
  let call: ReturnType<typeof caller>;
  let admin: Headers;

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    // Another org with a customer moved along: it must never show up in this org's figures.
    server.clock.set('2026-03-03T10:00:00.000Z');
    const other = await makeOrg(server.ctx, '别家公司');
    const otherAdmin = await sessionFor(server.ctx, other.orgId, other.ownerId);
    const stranger = await addCustomer(server, otherAdmin, { name: '别家客户' });
    const otherStages = (await call(otherAdmin, 'GET', '/api/v1/customer-stages')).json().items as { id: string }[];
    await call(otherAdmin, 'POST', `/api/v1/customers/${stranger.id}/stage`, { stageId: otherStages[5]?.id });
    fx = await seedAnalyticsFixture(server);
    admin = await fx.as(fx.org.ownerId);
  });
  afterAll(() => server.close());

  it('counts customers who reached each stage in pipeline order, with conversion rates', async () => {
    const res = await call(admin, 'GET', '/api/v1/analytics/funnel');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as FunnelJson;
    expect(body.customers).toBe(7);
    expect(body.steps).toEqual([
      expect.objectContaining({ name: '线索', kind: 'open', reached: 7, current: 1, fromPrevious: null, fromFirst: 1 }),
      expect.objectContaining({ name: '初次沟通', reached: 6, current: 1, fromPrevious: 0.8571, fromFirst: 0.8571 }),
      expect.objectContaining({ name: '意向', reached: 4, current: 1, fromPrevious: 0.6667, fromFirst: 0.5714 }),
      expect.objectContaining({ name: '报价', reached: 2, current: 1, fromPrevious: 0.5, fromFirst: 0.2857 }),
      expect.objectContaining({
        name: '成交',
        kind: 'won',
        reached: 1,
        current: 1,
        fromPrevious: 0.5,
        fromFirst: 0.1429,
      }),
    ]);
    expect(body.lost).toEqual([
      expect.objectContaining({
        name: '流失',
        kind: 'lost',
        reached: 2,
        current: 2,
        fromPrevious: null,
        fromFirst: 0.2857,
      }),
    ]);
  });

  it('narrows the funnel by owner, department and below, creation dates and tag', async () => {
    const get = async (query: string) => {
      const res = await call(admin, 'GET', `/api/v1/analytics/funnel?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return reachedOf(res.json() as FunnelJson);
    };
    const ofA = [
      ['线索', 5],
      ['初次沟通', 4],
      ['意向', 3],
      ['报价', 2],
      ['成交', 1],
      ['流失', 1],
    ];
    expect(await get(`ownerId=${fx.members.sellerA}`)).toEqual(ofA);
    // 华东区 holds no seller itself: its sub-department 上海店 does.
    expect(await get(`departmentId=${fx.departments.east}`)).toEqual(ofA);
    expect(await get(`departmentId=${fx.departments.south}`)).toEqual([
      ['线索', 2],
      ['初次沟通', 2],
      ['意向', 1],
      ['报价', 0],
      ['成交', 0],
      ['流失', 1],
    ]);
    // Created on Monday 2 March (Beijing time) only: not the two created a second before midnight.
    expect(await get('from=2026-03-02&to=2026-03-02')).toEqual([
      ['线索', 3],
      ['初次沟通', 2],
      ['意向', 1],
      ['报价', 0],
      ['成交', 0],
      ['流失', 1],
    ]);
    expect(await get(`tagId=${fx.tagId}`)).toEqual([
      ['线索', 2],
      ['初次沟通', 2],
      ['意向', 2],
      ['报价', 1],
      ['成交', 1],
      ['流失', 1],
    ]);
  });

  it('shows a plain member the funnel of their own customers only, and a supervisor their region', async () => {
    const mine = await call(await fx.as(fx.members.sellerB), 'GET', '/api/v1/analytics/funnel');
    expect(reachedOf(mine.json())).toEqual([
      ['线索', 2],
      ['初次沟通', 2],
      ['意向', 1],
      ['报价', 0],
      ['成交', 0],
      ['流失', 1],
    ]);
    const region = await call(await fx.as(fx.members.supervisor), 'GET', '/api/v1/analytics/funnel');
    expect((region.json() as FunnelJson).customers).toBe(5);
    // Asking for another owner's customers does not widen the scope.
    const asked = await call(
      await fx.as(fx.members.sellerB),
      'GET',
      `/api/v1/analytics/funnel?ownerId=${fx.members.sellerA}`,
    );
    expect((asked.json() as FunnelJson).customers).toBe(0);
  });

  it('counts new and lost customers per China-time day, leaving deleted customers out', async () => {
    const res = await call(admin, 'GET', '/api/v1/analytics/customers-trend?from=2026-03-01&to=2026-03-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ timeZone: 'Asia/Shanghai', interval: 'day', totals: { new: 7, lost: 2 } });
    expect(body.buckets).toHaveLength(10);
    const nonZero = body.buckets.filter((b: { new: number; lost: number }) => b.new > 0 || b.lost > 0);
    expect(nonZero).toEqual([
      { start: '2026-03-01', new: 2, lost: 0 },
      { start: '2026-03-02', new: 3, lost: 0 },
      { start: '2026-03-03', new: 2, lost: 0 },
      { start: '2026-03-08', new: 0, lost: 1 },
      { start: '2026-03-09', new: 0, lost: 1 },
    ]);
  });

  it('starts weeks on Monday and months on the 1st, in China time', async () => {
    const weeks = await call(
      admin,
      'GET',
      '/api/v1/analytics/customers-trend?from=2026-03-01&to=2026-03-10&interval=week',
    );
    expect(weeks.json().buckets).toEqual([
      { start: '2026-02-23', new: 2, lost: 0 },
      { start: '2026-03-02', new: 5, lost: 1 },
      { start: '2026-03-09', new: 0, lost: 1 },
    ]);
    const months = await call(
      admin,
      'GET',
      '/api/v1/analytics/customers-trend?from=2026-02-15&to=2026-03-31&interval=month',
    );
    expect(months.json().buckets).toEqual([
      { start: '2026-02-01', new: 0, lost: 0 },
      { start: '2026-03-01', new: 7, lost: 2 },
    ]);
    const mine = await call(
      await fx.as(fx.members.sellerA),
      'GET',
      '/api/v1/analytics/customers-trend?from=2026-03-01&to=2026-03-10&interval=week',
    );
    expect(mine.json().totals).toEqual({ new: 5, lost: 1 });
  });

  it('counts follow-ups per member and per primary department, by kind, in the range', async () => {
    const res = await call(admin, 'GET', '/api/v1/analytics/follow-ups?from=2026-03-01&to=2026-03-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.byMember).toEqual([
      {
        id: fx.members.sellerA,
        name: '上海销售',
        departmentId: fx.departments.shanghai,
        departmentName: '上海店',
        call: 2,
        visit: 1,
        message: 1,
        note: 0,
        total: 4,
      },
      {
        id: fx.members.sellerB,
        name: '广州销售',
        departmentId: fx.departments.south,
        departmentName: '华南区',
        call: 1,
        visit: 0,
        message: 0,
        note: 1,
        total: 2,
      },
      {
        id: fx.members.supervisor,
        name: '华东经理',
        departmentId: fx.departments.east,
        departmentName: '华东区',
        call: 0,
        visit: 1,
        message: 0,
        note: 0,
        total: 1,
      },
    ]);
    expect(body.byDepartment.map((d: { name: string; total: number }) => [d.name, d.total])).toEqual([
      ['上海店', 4],
      ['华南区', 2],
      ['华东区', 1],
    ]);
    expect(body.totals).toEqual({ call: 3, visit: 2, message: 1, note: 1, total: 7 });
    const wider = await call(admin, 'GET', '/api/v1/analytics/follow-ups?from=2026-02-27&to=2026-03-10');
    expect(wider.json().totals.call).toBe(4);
  });

  it('narrows follow-ups to a member or a department tree, within the data scope', async () => {
    const total = async (headers: Headers, query: string) =>
      (await call(headers, 'GET', `/api/v1/analytics/follow-ups?from=2026-03-01&to=2026-03-10&${query}`)).json().totals
        .total;
    expect(await total(admin, `memberId=${fx.members.sellerB}`)).toBe(2);
    expect(await total(admin, `departmentId=${fx.departments.east}`)).toBe(5);
    expect(await total(admin, `departmentId=${fx.departments.south}`)).toBe(2);
    const seller = await fx.as(fx.members.sellerA);
    const own = (await call(seller, 'GET', '/api/v1/analytics/follow-ups?from=2026-03-01&to=2026-03-10')).json();
    expect(own.byMember.map((m: { name: string; total: number }) => [m.name, m.total])).toEqual([
      ['上海销售', 4],
      ['华东经理', 1],
    ]);
    expect(await total(seller, `memberId=${fx.members.sellerB}`)).toBe(0);
  });

  it('refuses bad ranges and unknown filters with a 400 naming the field', async () => {
    const cases: [string, string, string | undefined][] = [
      ['customers-trend?from=2026-03-10&to=2026-03-01', 'from', 'bad_range'],
      ['customers-trend?from=2026-02-30', 'from', 'bad_date'],
      ['follow-ups?from=2023-01-01&to=2026-03-01', 'from', 'range_too_long'],
      ['funnel?from=2026-3-1', 'from', undefined],
      ['funnel?departmentId=00000000-0000-4000-8000-000000000000', 'departmentId', 'unknown_department'],
      ['funnel?ownerId=00000000-0000-4000-8000-000000000000', 'ownerId', 'unknown_member'],
      ['follow-ups?memberId=00000000-0000-4000-8000-000000000000', 'memberId', 'unknown_member'],
      ['funnel?tagId=00000000-0000-4000-8000-000000000000', 'tagId', 'unknown_tag'],
      ['customers-trend?interval=year', 'interval', undefined],
      ['funnel?format=pdf', 'format', undefined],
    ];
    for (const [path, field, reason] of cases) {
      const res = await call(admin, 'GET', `/api/v1/analytics/${path}`);
      expect(res.statusCode, path).toBe(400);
      const error = res.json().error;
      expect(error.code, path).toBe('invalid');
      expect(error.message, path).toBeTruthy();
      if (reason) expect(error.details, path).toMatchObject({ field, reason });
      else expect(JSON.stringify(error.details), path).toContain(field);
    }
  });

  it('refuses a department of another org as unknown', async () => {
    const other = await makeOrg(server.ctx, '另一家');
    const res = await call(admin, 'GET', `/api/v1/analytics/funnel?departmentId=${other.rootDepartmentId}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ reason: 'unknown_department' });
  });
});
