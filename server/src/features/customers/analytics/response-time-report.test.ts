import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeOrg, sessionFor } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { type ResponseTeam, seedResponseTeam } from '../../../../test/response-time-fixtures.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { bucketOfMinutes, medianAndP90 } from './response-time-report.js';

describe('response-time figures', () => {
  it('puts each first response in its bucket, boundaries going to the longer one', () => {
    expect([0, 0.99, 1, 4.99, 5, 9.99, 10, 29.99, 30, 59.99, 60, 600].map(bucketOfMinutes)).toEqual([
      'lt1',
      'lt1',
      '1to5',
      '1to5',
      '5to10',
      '5to10',
      '10to30',
      '10to30',
      '30to60',
      '30to60',
      'gt60',
      'gt60',
    ]);
  });

  it('takes the middle value (or the mean of the middle two) and the nearest-rank 90th percentile', () => {
    expect(medianAndP90([])).toEqual({ medianMinutes: null, p90Minutes: null });
    expect(medianAndP90([12, 0.5, 3])).toEqual({ medianMinutes: 3, p90Minutes: 12 });
    expect(medianAndP90([0.5, 3, 12, 45])).toEqual({ medianMinutes: 7.5, p90Minutes: 45 });
    expect(medianAndP90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ medianMinutes: 5.5, p90Minutes: 9 });
  });
});

const MIN = 60_000;
const URL = '/api/v1/analytics/response-time?from=2026-03-02&to=2026-03-02';

describe.each(STORE_KINDS)('response-time report on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let team: ResponseTeam;
  let call: ReturnType<typeof caller>;
  let admin: Headers;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    call = caller(server);
    server.clock.set('2026-03-01T12:00:00.000Z');
    team = await seedResponseTeam(server, smtp);
    const jia = await team.customerOf(team.sellerA, '客户甲');
    const yi = await team.customerOf(team.sellerB, '客户乙');
    const at = (hhmm: string) =>
      server.clock.set(`2026-03-02T${String(Number(hhmm.slice(0, 2)) - 8).padStart(2, '0')}:${hhmm.slice(3)}:00.000Z`);
    const a = await team.as(team.sellerA);
    const b = await team.as(team.sellerB);
    // 客户甲 (销售小王): answered after 0.5, 3 and 12 working minutes (the last one overdue).
    at('10:00');
    await team.say(jia.headers, jia.conversationId, '第一个问题');
    server.clock.advance(MIN / 2);
    await team.say(a, jia.conversationId, '马上答复');
    at('10:05');
    await team.say(jia.headers, jia.conversationId, '第二个问题');
    at('10:08');
    await team.say(a, jia.conversationId, '答复二');
    at('10:20');
    await team.say(jia.headers, jia.conversationId, '第三个问题');
    at('10:32');
    await team.say(a, jia.conversationId, '答复三');
    // 客户乙 (销售小李): answered after 45 minutes, then a message still waiting.
    at('11:00');
    await team.say(yi.headers, yi.conversationId, '价格多少');
    at('11:45');
    await team.say(b, yi.conversationId, '稍等');
    at('13:00');
    await team.say(yi.headers, yi.conversationId, '还在吗');
    at('15:00');
    admin = await team.as(team.org.ownerId);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('reports messages, answers, median, 90th percentile and overdue per member, and the distribution', async () => {
    const res = await call(admin, 'GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      range: { from: '2026-03-02', to: '2026-03-02' },
      workingTimeZone: 'Asia/Shanghai',
      targetMinutes: 10,
    });
    expect(body.byMember).toEqual([
      {
        id: team.sellerA,
        name: '销售小王',
        departmentId: team.salesId,
        departmentName: '销售部',
        messages: 3,
        answered: 3,
        medianMinutes: 3,
        p90Minutes: 12,
        overdue: 1,
      },
      {
        id: team.sellerB,
        name: '销售小李',
        departmentId: team.salesId,
        departmentName: '销售部',
        messages: 2,
        answered: 1,
        medianMinutes: 45,
        p90Minutes: 45,
        overdue: 2,
      },
    ]);
    expect(body.totals).toEqual({ messages: 5, answered: 4, medianMinutes: 7.5, p90Minutes: 45, overdue: 3 });
    expect(body.distribution).toEqual([
      { bucket: 'lt1', count: 1 },
      { bucket: '1to5', count: 1 },
      { bucket: '5to10', count: 0 },
      { bucket: '10to30', count: 1 },
      { bucket: '30to60', count: 1 },
      { bucket: 'gt60', count: 0 },
    ]);
  });

  it('shows a seller only their own customers and the supervisor the whole team', async () => {
    const own = (await call(await team.as(team.sellerA), 'GET', URL)).json();
    expect(own.byMember.map((m: { name: string }) => m.name)).toEqual(['销售小王']);
    expect(own.totals.messages).toBe(3);
    const whole = (await call(await team.as(team.supervisorId), 'GET', URL)).json();
    expect(whole.byMember.map((m: { name: string }) => m.name)).toEqual(['销售小王', '销售小李']);
  });

  it('narrows to one member or a department, and leaves out other days', async () => {
    const one = (await call(admin, 'GET', `${URL}&ownerId=${team.sellerB}`)).json();
    expect(one.totals).toMatchObject({ messages: 2, overdue: 2 });
    const dept = (await call(admin, 'GET', `${URL}&departmentId=${team.salesId}`)).json();
    expect(dept.totals.messages).toBe(5);
    const other = (await call(admin, 'GET', '/api/v1/analytics/response-time?from=2026-03-03&to=2026-03-04')).json();
    expect(other.totals).toEqual({ messages: 0, answered: 0, medianMinutes: null, p90Minutes: null, overdue: 0 });
  });

  it('gives an admin of another org only their own org’s figures and settings', async () => {
    const other = await makeOrg(server.ctx, '别家公司');
    const theirs = await sessionFor(server.ctx, other.orgId, other.ownerId);
    const report = (await call(theirs, 'GET', URL)).json();
    expect(report.byMember).toEqual([]);
    expect(report.totals.messages).toBe(0);
    const foreignOwner = await call(theirs, 'GET', `${URL}&ownerId=${team.sellerA}`);
    expect(foreignOwner.statusCode).toBe(400);
    const saved = await call(theirs, 'PUT', '/api/v1/response-time/settings', {
      workDays: [1],
      startTime: '10:00',
      endTime: '11:00',
      timeZone: 'UTC',
      targetMinutes: 99,
    });
    expect(saved.statusCode).toBe(200);
    const ours = (await call(admin, 'GET', '/api/v1/response-time/settings')).json();
    expect(ours).toMatchObject({ targetMinutes: 10, timeZone: 'Asia/Shanghai' });
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['from=2026-03-05&to=2026-03-01', 'from'],
    [`ownerId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, 'ownerId'],
    [`departmentId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, 'departmentId'],
    ['format=pdf', 'format'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const res = await call(admin, 'GET', `/api/v1/analytics/response-time?${query}`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
  });

  it('exports the report as XLSX naming the exporter, and audits the export', async () => {
    const res = await call(admin, 'GET', `${URL}&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="customer-response-time-2026-03-02.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['响应时效（按成员）', '响应时长分布']);
    const sheet = book.getWorksheet('响应时效（按成员）');
    const row = (n: number) => ((sheet?.getRow(n).values as unknown[] | undefined) ?? []).slice(1);
    expect(row(1).slice(0, 2)).toEqual(['导出人', '王老板']);
    expect(row(3)).toEqual(['销售小王', '销售部', 3, 3, 3, 12, 1]);
    expect(row(5)).toEqual(['合计', '', 5, 4, 7.5, 45, 3]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', team.org.orgId)
      .where('action', '=', 'customers.analytics_exported')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ report: 'response_time' });
    const seller = await call(await team.as(team.sellerA), 'GET', `${URL}&format=xlsx`);
    expect(seller.statusCode).toBe(403);
  });
});
