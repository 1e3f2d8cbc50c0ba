/**
 * A known week of customer work for the analytics tests: two sellers in different regions, a
 * region supervisor and an exporter; customers created either side of a UTC week boundary,
 * moved through the pipeline (some lost), one deleted, and follow-ups of every kind.
 *
 * Funnel (whole org): 线索 7, 初次沟通 6, 意向 4, 报价 2, 成交 1; 流失 2.
 */
import { addCustomer, addTagGroup, caller, type Headers, makeRole } from './customer-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from './factories.js';
import type { TestServer } from './harness.js';

export type AnalyticsFixture = {
  org: TestOrg;
  departments: { east: string; shanghai: string; south: string };
  members: { sellerA: string; sellerB: string; supervisor: string; exporter: string };
  stages: Record<string, string>;
  customers: Record<string, string>;
  tagId: string;
  /** A fresh session at the clock's current time (test sessions last a day). */
  as(memberId: string): Promise<Headers>;
};

type Step = { at: string; customer: string; stage: string };

/** A Beijing wall-clock time as the stored UTC instant: reports count days in China time. */
const beijing = (local: string): string => new Date(`${local}+08:00`).toISOString();

export async function seedAnalyticsFixture(server: TestServer): Promise<AnalyticsFixture> {
  const { ctx, clock } = server;
  const call = caller(server);
  clock.set(beijing('2026-02-20T09:00:00.000'));
  const org = await makeOrg(ctx, '分析公司');
  const as = (memberId: string) => sessionFor(ctx, org.orgId, memberId);
  const east = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '华东区');
  const shanghai = await makeDepartment(ctx, org.orgId, east, '上海店');
  const south = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '华南区');
  const sellerA = (await makeMember(ctx, org, { departmentId: shanghai, name: '上海销售' })).id;
  const sellerB = (await makeMember(ctx, org, { departmentId: south, name: '广州销售' })).id;
  const supervisor = (await makeMember(ctx, org, { departmentId: east, name: '华东经理', roles: ['supervisor'] })).id;
  const exportRole = await makeRole(ctx, org, '报表导出', 'org', ['customer.view', 'data.export']);
  const exporter = (await makeMember(ctx, org, { departmentId: east, name: '报表员', roleIds: [exportRole] })).id;
  const admin = await as(org.ownerId);
  const { tags } = await addTagGroup(server, admin, '来源', ['展会', '转介绍']);
  const stageList = (await call(admin, 'GET', '/api/v1/customer-stages')).json() as {
    items: { id: string; name: string }[];
  };
  const stages = Object.fromEntries(stageList.items.map((s) => [s.name, s.id]));

  const customers: Record<string, string> = {};
  const create = async (at: string, owner: string, names: string[], tagIds: string[] = []) => {
    clock.set(at);
    const headers = await as(owner);
    for (const name of names) customers[name] = (await addCustomer(server, headers, { name, tagIds })).id;
  };
  // Sunday 1 March, the last second of the week (Beijing time); then Monday 2 March, the first second of the next.
  await create(beijing('2026-03-01T23:59:59.000'), sellerA, ['客户一'], [tags.展会 as string]);
  await create(beijing('2026-03-01T23:59:59.500'), sellerA, ['客户二']);
  await create(beijing('2026-03-02T00:00:00.000'), sellerA, ['客户三', '客户四', '客户五']);
  await create(beijing('2026-03-03T10:00:00.000'), sellerB, ['客户六'], [tags.展会 as string]);
  await create(beijing('2026-03-03T10:00:00.000'), sellerB, ['客户七']);
  await create(beijing('2026-03-03T10:00:00.000'), sellerA, ['客户八']);

  const steps: Step[] = [
    ...['客户一', '客户二', '客户三', '客户四', '客户六', '客户七', '客户八'].map((customer) => ({
      at: beijing('2026-03-04T09:00:00.000'),
      customer,
      stage: '初次沟通',
    })),
    ...['客户一', '客户二', '客户三', '客户六'].map((customer) => ({
      at: beijing('2026-03-05T09:00:00.000'),
      customer,
      stage: '意向',
    })),
    ...['客户一', '客户二'].map((customer) => ({ at: beijing('2026-03-06T09:00:00.000'), customer, stage: '报价' })),
    // Lost on the last second of a Sunday, and on the first second of the next Monday.
    { at: beijing('2026-03-08T23:59:59.000'), customer: '客户四', stage: '流失' },
    { at: beijing('2026-03-09T00:00:00.000'), customer: '客户六', stage: '流失' },
    { at: beijing('2026-03-09T00:00:00.000'), customer: '客户八', stage: '流失' },
    { at: beijing('2026-03-09T08:00:00.000'), customer: '客户一', stage: '成交' },
  ];
  for (const step of steps) {
    clock.set(step.at);
    const res = await call(await as(org.ownerId), 'POST', `/api/v1/customers/${customers[step.customer]}/stage`, {
      stageId: stages[step.stage],
    });
    if (res.statusCode >= 300) throw new Error(`move ${step.customer}: ${res.statusCode} ${res.body}`);
  }

  clock.set(beijing('2026-03-10T12:00:00.000'));
  const followUps: [string, string, string, string][] = [
    [sellerA, '客户一', 'call', beijing('2026-03-02T08:00:00.000')],
    [sellerA, '客户二', 'visit', beijing('2026-03-03T08:00:00.000')],
    [sellerA, '客户三', 'message', beijing('2026-03-04T08:00:00.000')],
    [sellerA, '客户一', 'call', beijing('2026-03-05T08:00:00.000')],
    [sellerA, '客户八', 'note', beijing('2026-03-04T08:00:00.000')],
    [sellerA, '客户一', 'call', beijing('2026-02-27T08:00:00.000')],
    [sellerB, '客户六', 'note', beijing('2026-03-04T08:00:00.000')],
    [sellerB, '客户七', 'call', beijing('2026-03-05T08:00:00.000')],
    [supervisor, '客户一', 'visit', beijing('2026-03-06T08:00:00.000')],
  ];
  for (const [author, customer, kind, happenedAt] of followUps) {
    const res = await call(await as(author), 'POST', `/api/v1/customers/${customers[customer]}/follow-ups`, {
      kind,
      content: `${kind} ${customer}`,
      happenedAt,
    });
    if (res.statusCode >= 300) throw new Error(`follow-up ${customer}: ${res.statusCode} ${res.body}`);
  }
  const removed = await call(await as(org.ownerId), 'DELETE', `/api/v1/customers/${customers.客户八}`);
  if (removed.statusCode >= 300) throw new Error(`delete: ${removed.statusCode} ${removed.body}`);

  return {
    org,
    departments: { east, shanghai, south },
    members: { sellerA, sellerB, supervisor, exporter },
    stages,
    customers,
    tagId: tags.展会 as string,
    as,
  };
}
