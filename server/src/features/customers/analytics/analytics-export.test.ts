import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalyticsFixture, seedAnalyticsFixture } from '../../../../test/analytics-fixtures.js';
import { caller, type Headers } from '../../../../test/customer-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';

async function workbook(payload: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ExcelJS.Buffer);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet | undefined, row: number) =>
  (sheet?.getRow(row).values as unknown[] | undefined)?.slice(1) ?? [];

describe.each(STORE_KINDS)('customer analytics export on %s', (kind) => {
  let server: TestServer;
  let fx: AnalyticsFixture;
  let call: ReturnType<typeof caller>;
  let exporter: Headers;

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    fx = await seedAnalyticsFixture(server);
    exporter = await fx.as(fx.members.exporter);
  });
  afterAll(() => server.close());

  it('exports the funnel as XLSX in Chinese, naming the exporter, with rates as numbers', async () => {
    const res = await call(exporter, 'GET', '/api/v1/analytics/funnel?format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="customer-funnel-2026-03-10.xlsx"');
    const book = await workbook(res.rawPayload);
    expect(book.creator).toBe('报表员');
    const sheet = book.getWorksheet('销售漏斗');
    expect(rowValues(sheet, 1).slice(0, 2)).toEqual(['导出人', '报表员']);
    expect(rowValues(sheet, 2)).toEqual([
      '阶段',
      '类型',
      '到达客户数',
      '当前客户数',
      '较上一阶段转化率',
      '较首阶段转化率',
    ]);
    expect(rowValues(sheet, 3).slice(0, 4)).toEqual(['线索', '进行中', 7, 1]);
    expect(rowValues(sheet, 4)).toEqual(['初次沟通', '进行中', 6, 1, 0.8571, 0.8571]);
    expect(rowValues(sheet, 8)).toEqual(['流失', '流失', 2, 2, undefined, 0.2857]);
  });

  it('names sheets and headers in English when the requester reads English', async () => {
    const res = await call(
      exporter,
      'GET',
      '/api/v1/analytics/customers-trend?format=xlsx&from=2026-03-01&to=2026-03-10&interval=week&lang=en',
    );
    expect(res.statusCode, res.body).toBe(200);
    const sheet = (await workbook(res.rawPayload)).getWorksheet('New and lost customers');
    expect(rowValues(sheet, 1).slice(0, 2)).toEqual(['Exported by', '报表员']);
    expect(rowValues(sheet, 2)).toEqual(['Week (from Monday)', 'New customers', 'Lost customers']);
    expect(rowValues(sheet, 3)).toEqual(['2026-02-23', 2, 0]);
    expect(rowValues(sheet, 6)).toEqual(['Total', 7, 2]);
  });

  it('exports follow-ups per member and per department on two sheets', async () => {
    const url = '/api/v1/analytics/follow-ups?format=xlsx&from=2026-03-01&to=2026-03-10';
    const res = await server.app.inject({
      method: 'GET',
      url,
      headers: { ...exporter, 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const book = await workbook(res.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['跟进统计（按成员）', '跟进统计（按部门）']);
    const members = book.getWorksheet('跟进统计（按成员）');
    expect(rowValues(members, 2)).toEqual(['成员', '部门', '电话', '拜访', '消息', '备注', '合计']);
    expect(rowValues(members, 3)).toEqual(['上海销售', '上海店', 2, 1, 1, 0, 4]);
    expect(rowValues(members, 6)).toEqual(['合计', '', 3, 2, 1, 1, 7]);
    expect(rowValues(book.getWorksheet('跟进统计（按部门）'), 5)).toEqual(['华东区', 0, 1, 0, 0, 1]);
  });

  it('audits every export with the exporter, the report and the filters', async () => {
    const entries = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('org_id', '=', fx.org.orgId)
      .where('action', '=', 'customers.analytics_exported')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.actor_name)).toEqual(['报表员', '报表员', '报表员']);
    expect(entries.map((e) => JSON.parse(e.after ?? '{}'))).toEqual([
      expect.objectContaining({ report: 'funnel', lang: 'zh-CN' }),
      expect.objectContaining({ report: 'trend', lang: 'en', filters: expect.objectContaining({ interval: 'week' }) }),
      expect.objectContaining({ report: 'follow_ups', range: { from: '2026-03-01', to: '2026-03-10' } }),
    ]);
  });

  it('refuses the export without data.export, audited as a denial, while the JSON stays open', async () => {
    const seller = await fx.as(fx.members.sellerA);
    expect((await call(seller, 'GET', '/api/v1/analytics/funnel')).statusCode).toBe(200);
    const refused = await call(seller, 'GET', '/api/v1/analytics/funnel?format=xlsx');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const denied = await server.ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('org_id', '=', fx.org.orgId)
      .where('action', '=', 'authz.denied')
      .execute();
    expect(denied.map((d) => d.actor_id)).toContain(fx.members.sellerA);
  });
});
