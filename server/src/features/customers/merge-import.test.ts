import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCustomer,
  addTagGroup,
  type CustomerJson,
  caller,
  type Headers,
  names,
} from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';
import { STORE_KINDS } from '../../../test/stores.js';

/** GBK bytes for a string, built by inverting the platform's GBK decoder (no extra package). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

describe.each(STORE_KINDS)('customer duplicates, merge and import on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  let seller: Headers;
  let sellerId: string;
  let colleagueEmail: string;
  let tags: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '合并公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const s = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售丙' });
    sellerId = s.id;
    seller = await sessionFor(server.ctx, org.orgId, s.id);
    colleagueEmail = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售丁' })).email;
    tags = (await addTagGroup(server, admin, '来源', ['展会', '转介绍'])).tags;
  });
  afterAll(() => server.close());

  const upload = (who: Headers, file: Buffer, name: string, query: string) => {
    const body = multipartFile(file, name);
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/customers/import?${query}`,
      headers: { ...who, ...body.headers },
      payload: body.payload,
    });
  };
  const customerCount = async () =>
    Number(
      (
        await server.ctx.db
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('org_id', '=', org.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  let kept: CustomerJson;
  let twin: CustomerJson;

  it('lists customers sharing a mobile or email, within the viewer’s scope', async () => {
    kept = await addCustomer(server, seller, { name: '孙丽', mobile: '13600000001', tagIds: [tags.展会] });
    twin = await addCustomer(server, admin, {
      name: '孙丽（展会登记）',
      mobile: '13600000001',
      email: 'sun.li@example.com',
      company: '孙氏贸易',
      gender: 'female',
      tagIds: [tags.转介绍],
      force: true,
    });
    await call(admin, 'POST', `/api/v1/customers/${twin.id}/stage`, {
      stageId: (await call(admin, 'GET', '/api/v1/customer-stages')).json().items[2].id,
    });
    const groups = (await call(admin, 'GET', '/api/v1/customers/duplicates')).json().groups;
    expect(groups).toEqual([
      expect.objectContaining({ matchedOn: 'mobile', value: '13600000001', customers: expect.any(Array) }),
    ]);
    expect(names({ items: groups[0].customers })).toEqual(['孙丽', '孙丽（展会登记）']);
    // The seller sees only their own customer: no duplicate group for them.
    expect((await call(seller, 'GET', '/api/v1/customers/duplicates')).json().groups).toEqual([]);
  });

  it('merges only with customer.delete, moving tags, co-followers and history to the kept customer', async () => {
    const refused = await call(seller, 'POST', `/api/v1/customers/${kept.id}/merge`, { mergeIds: [twin.id] });
    expect(refused.statusCode).toBe(404); // the twin is outside the seller's scope
    expect((await call(admin, 'POST', `/api/v1/customers/${kept.id}/merge`, { mergeIds: [kept.id] })).statusCode).toBe(
      400,
    );

    await call(admin, 'POST', `/api/v1/customers/${twin.id}/follow-ups`, { kind: 'visit', content: '展会面谈' });
    const merged = await call(admin, 'POST', `/api/v1/customers/${kept.id}/merge`, { mergeIds: [twin.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    const body = merged.json();
    expect(body).toMatchObject({
      name: '孙丽',
      owner: { id: sellerId },
      email: 'sun.li@example.com',
      company: '孙氏贸易',
      gender: 'female',
      followers: [{ id: org.ownerId, name: '王老板' }],
    });
    expect(body.tags.map((t: { name: string }) => t.name).sort()).toEqual(['展会', '转介绍'].sort());
    expect(body.stageHistory.map((m: { to: { name: string } }) => m.to.name)).toEqual(['意向', '线索', '线索']);
    const followUps = (await call(admin, 'GET', `/api/v1/customers/${kept.id}/follow-ups`)).json();
    expect(followUps.items.map((f: { content: string }) => f.content)).toEqual(['展会面谈']);
    expect((await call(admin, 'GET', `/api/v1/customers/${twin.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'POST', `/api/v1/customers/${twin.id}/restore`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', '/api/v1/customers?deleted=true')).json().items).toEqual([]);
    expect((await call(admin, 'GET', '/api/v1/customers/duplicates')).json().groups).toEqual([]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('before')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'customer.merged')
      .executeTakeFirstOrThrow();
    expect(audit.before).toContain(twin.id);
    expect(audit.before).not.toContain('13600000001');

    // A member holding neither customer.delete cannot merge even their own duplicates.
    const a = await addCustomer(server, seller, { name: '重复甲', email: 'dup@example.com' });
    const b = await addCustomer(server, seller, { name: '重复乙', email: 'dup@example.com', force: true });
    expect((await call(seller, 'POST', `/api/v1/customers/${a.id}/merge`, { mergeIds: [b.id] })).statusCode).toBe(403);
  });

  const HEADER = '姓名,公司,手机,邮箱,性别,标签,阶段,负责人,备注';
  const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

  it('reports every bad row with its line and imports nothing while any row is bad', async () => {
    const before = await customerCount();
    const file = csv([
      '周小川,川流科技,13700000001,zhou@example.com,男,展会,意向,,老客户介绍',
      '吴敏,,12345,,女,,,,',
      '郑好,,13700000001,,未知,,,,',
      '王芳,,,,女,不存在的标签,,,',
      '冯程,,,,,展会,不存在的阶段,nobody@example.com,',
      '陈默,,,,其他,,,,',
      ',没有名字的公司,,,,,,,',
      '孙丽,,13600000001,,,,,,',
    ]);
    const dry = await upload(admin, file, 'customers.csv', 'dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, total: 8, valid: 1, created: 0 });
    expect(
      dry.json().errors.map((e: { line: number; field: string; reason: string }) => [e.line, e.field, e.reason]),
    ).toEqual([
      [3, 'mobile', 'invalid_format'],
      [4, 'mobile', 'duplicate_in_file'],
      [5, 'tags', 'not_found'],
      [6, 'stage', 'not_found'],
      [6, 'owner', 'not_found'],
      [7, 'gender', 'invalid_format'],
      [8, 'name', 'required'],
      [9, 'mobile', 'duplicate_customer'],
    ]);
    const real = await upload(admin, file, 'customers.csv', 'dryRun=false');
    expect(real.statusCode).toBe(400);
    expect(real.json().error.details.errors).toHaveLength(8);
    expect(await customerCount()).toBe(before);
  });

  it('imports a clean file in one go, from UTF-8 CSV, GBK CSV or XLSX, with tags, stage and owner', async () => {
    const before = await customerCount();
    const rows = [
      `周小川,川流科技,13700000001,zhou@example.com,男,来源/展会、转介绍,意向,${colleagueEmail},老客户介绍`,
      '吴敏,,13700000002,,女,,,,',
    ];
    const done = await upload(admin, csv(rows), 'customers.csv', 'dryRun=false');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ total: 2, valid: 2, created: 2, errors: [] });
    const zhou = (await call(admin, 'GET', `/api/v1/customers?q=${encodeURIComponent('周小川')}`)).json().items[0];
    expect(zhou).toMatchObject({
      source: 'import',
      gender: 'male',
      company: '川流科技',
      stage: { name: '意向' },
      owner: { name: '销售丁' },
      remark: '老客户介绍',
    });
    expect(zhou.tags.map((t: { name: string }) => t.name)).toEqual(['展会', '转介绍']);
    const wu = (await call(admin, 'GET', `/api/v1/customers?q=${encodeURIComponent('吴敏')}`)).json().items[0];
    expect(wu).toMatchObject({ owner: { id: org.ownerId }, stage: { name: '线索' } });

    const gbk = encodeGbk(`${HEADER}\r\n郑好,郑氏,13700000003,,,,,,\r\n`);
    const fromGbk = await upload(admin, gbk, 'gbk.csv', 'dryRun=false');
    expect(fromGbk.json()).toMatchObject({ created: 1 });
    expect(names((await call(admin, 'GET', `/api/v1/customers?q=${encodeURIComponent('郑氏')}`)).json())).toEqual([
      '郑好',
    ]);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户名称', '手机', '标签']);
    sheet.addRow(['冯程', '13700000004', '转介绍']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const fromXlsx = await upload(admin, xlsx, 'customers.xlsx', 'dryRun=false');
    expect(fromXlsx.json()).toMatchObject({ created: 1 });
    expect(await customerCount()).toBe(before + 4);

    // The same mobile again is a row error, unless duplicates are allowed on purpose.
    const again = await upload(admin, csv(['吴敏二,,13700000002,,,,,,']), 'again.csv', 'dryRun=true');
    expect(again.json().errors).toEqual([expect.objectContaining({ line: 2, reason: 'duplicate_customer' })]);
    const allowed = await upload(
      admin,
      csv(['吴敏二,,13700000002,,,,,,']),
      'again.csv',
      'dryRun=false&allowDuplicates=true',
    );
    expect(allowed.json()).toMatchObject({ created: 1 });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'customers.imported')
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('lets a member import only customers they will own', async () => {
    const res = await upload(seller, csv([`李雷,,,,,,,${colleagueEmail},`]), 'mine.csv', 'dryRun=true');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'owner', reason: 'outside_scope' })]);
    const own = await upload(seller, csv(['韩梅梅,,,,,,,,']), 'mine.csv', 'dryRun=false');
    expect(own.json()).toMatchObject({ created: 1 });
    expect(names((await call(seller, 'GET', `/api/v1/customers?q=${encodeURIComponent('韩梅梅')}`)).json())).toEqual([
      '韩梅梅',
    ]);
    const noName = await upload(seller, Buffer.from('手机\r\n13700000009\r\n'), 'x.csv', 'dryRun=true');
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details).toMatchObject({ reason: 'missing_name_column' });
  });
});
