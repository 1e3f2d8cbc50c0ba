import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';
import { STORE_KINDS } from '../../../test/stores.js';

const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

describe.each(STORE_KINDS)('quick-reply import and export on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  let seller: Headers;

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '话术导入公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const s = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售丙' });
    seller = await sessionFor(server.ctx, org.orgId, s.id);
  });
  afterAll(() => server.close());

  async function upload(who: Headers, bytes: Buffer, name = 'replies.csv') {
    const file = multipartFile(bytes, name, 'text/csv');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/quick-replies/import',
      headers: { ...who, ...file.headers },
      payload: file.payload,
    });
    await server.ctx.bus.drain();
    return res;
  }
  const orgTitles = async () =>
    ((await call(admin, 'GET', '/api/v1/quick-replies?scope=org&sort=title')).json().items as { title: string }[]).map(
      (r) => r.title,
    );

  it('imports org replies from a Chinese CSV, creating their categories, and audits it', async () => {
    const res = await upload(
      admin,
      csv([
        '分类,标题,内容',
        '开场白,问候,"您好，我是顾问小王，很高兴为您服务"',
        '售后,发货,"订单已发货,请查收"',
        ',通用,感谢您的耐心',
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ total: 3, created: 3, categoriesCreated: 2, errors: [] });
    expect(await orgTitles()).toEqual(['问候', '发货', '通用']);
    const found = (await call(seller, 'GET', `/api/v1/quick-replies?q=${encodeURIComponent('请查收')}`)).json();
    expect(found.items[0]).toMatchObject({ title: '发货', text: '订单已发货,请查收', category: { name: '售后' } });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'quick_replies.imported')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after as string)).toEqual({ count: 3, categoriesCreated: ['开场白', '售后'] });
  });

  it('imports nothing when one row is bad, and names the line', async () => {
    const res = await upload(admin, csv(['标题,内容', '好的,这一行没问题', ',缺少标题', `太长,${'长'.repeat(2001)}`]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      created: 0,
      errors: [
        { line: 3, field: 'title' },
        { line: 4, field: 'text' },
      ],
    });
    expect(await orgTitles()).not.toContain('好的');
    const noColumns = await upload(admin, csv(['名字,备注', '甲,乙']));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error).toMatchObject({ code: 'invalid', details: { missing: ['标题', '内容'] } });
  });

  it('keeps import and export to members who manage org replies', async () => {
    expect((await upload(seller, csv(['标题,内容', '擅自,导入']))).statusCode).toBe(403);
    expect((await call(seller, 'GET', '/api/v1/quick-replies/export')).statusCode).toBe(403);
  });

  it('exports the org replies as CSV and XLSX with the Chinese intact, ready to import again', async () => {
    const res = await call(admin, 'GET', '/api/v1/quick-replies/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF分类,标题,内容,使用次数\r\n')).toBe(true);
    expect(res.body).toContain('售后,发货,"订单已发货,请查收",0');

    const xlsx = await server.app.inject({
      method: 'GET',
      url: '/api/v1/quick-replies/export?format=xlsx',
      headers: admin,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([undefined, '开场白', '问候', '您好，我是顾问小王，很高兴为您服务', 0]);

    const again = await upload(admin, xlsx.rawPayload, 'replies.xlsx');
    expect(again.json()).toMatchObject({ created: 3, categoriesCreated: 0 });
    const exported = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'quick_replies.exported')
      .execute();
    expect(exported).toHaveLength(2);
  });
});
