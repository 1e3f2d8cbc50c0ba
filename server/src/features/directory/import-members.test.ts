import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
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
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A multipart/form-data body with one file field. */
function multipart(
  bytes: Buffer,
  filename: string,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----concordtest7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(STORE_KINDS)('member import on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let owner: { authorization: string };
  let shanghai: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '总部');
    owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const east = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华东区');
    shanghai = await makeDepartment(server.ctx, org.orgId, east, '上海一店');
    await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '财务部');
  });
  afterAll(() => server.close());

  const upload = async (bytes: Buffer, dryRun: boolean, auth = owner, filename = 'members.csv') => {
    const body = multipart(bytes, filename);
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/members/import?dryRun=${dryRun}`,
      headers: { ...auth, ...body.headers },
      payload: body.payload,
    });
  };
  const countMembers = async () =>
    Number(
      (
        await server.ctx.db
          .selectFrom('members')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('org_id', '=', org.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports a UTF-8 CSV with Chinese headers, paths, supervisors from the file and a BOM', async () => {
    const csv = [
      '姓名,手机,邮箱,部门,职务,直属上级,入职日期,初始密码',
      '刘店长,13911110001,liu@example.com,总部/华东区/上海一店,店长,,2024-01-02,Shop-Manager-88',
      '陈店员,13911110002,chen@example.com,华东区/上海一店,店员,13911110001,2024/3/5,',
      '财务甲,,caiwu@example.com,财务部,会计,liu@example.com,,',
    ].join('\r\n');
    const dry = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, total: 3, valid: 3, errors: [], created: 0 });
    const before = await countMembers();
    const real = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), false);
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, total: 3, created: 3 });
    expect(await countMembers()).toBe(before + 3);

    const found = await server.app.inject({ method: 'GET', url: '/api/v1/members?q=cdy', headers: owner });
    const chen = found.json().items[0];
    expect(chen).toMatchObject({
      name: '陈店员',
      primaryDepartmentId: shanghai,
      joinedOn: '2024-03-05',
      title: '店员',
    });
    const liu = await server.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('email', '=', 'liu@example.com')
      .executeTakeFirstOrThrow();
    expect(chen.supervisorId).toBe(liu.id);
    expect(liu.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'members.imported')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ created: 3 });
  });

  it('imports a GBK CSV as saved by Excel on Chinese Windows', async () => {
    const csv = '姓名,手机号,部门\n黄小明,13922220001,上海一店\n';
    const res = await upload(encodeGbk(csv), false);
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(1);
    const row = await server.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('mobile', '=', '13922220001')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('黄小明');
    expect(row.name_initials).toBe('hxm');
  });

  it('imports an XLSX workbook with English headers and an Excel date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成员');
    sheet.addRow(['name', 'mobile', 'email', 'department', 'joinedOn']);
    sheet.addRow(['林表格', 13933330001, 'lin@example.com', '财务部', new Date(Date.UTC(2023, 6, 1))]);
    sheet.addRow(['郭表格', '13933330002', { text: 'guo@example.com', hyperlink: 'mailto:guo@example.com' }, '', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(bytes, false, owner, 'members.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, created: 2 });
    const lin = await server.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('email', '=', 'lin@example.com')
      .executeTakeFirstOrThrow();
    expect(lin).toMatchObject({ mobile: '13933330001', joined_on: '2023-07-01' });
    const guo = await server.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('email', '=', 'guo@example.com')
      .executeTakeFirstOrThrow();
    expect(guo.primary_department_id).toBe(org.rootDepartmentId);
  });

  it('reports every bad row with its line; a real run writes nothing until the file is fixed', async () => {
    const bad = [
      '姓名,手机,邮箱,部门',
      '好人一,13944440001,good1@example.com,上海一店',
      ',13944440002,,上海一店',
      '好人三,12345,dup@example.com,不存在的部门',
      '好人四,13944440004,dup@example.com,上海一店',
      '好人五,13911110001,,上海一店',
    ].join('\n');
    const dry = await upload(Buffer.from(bad), true);
    expect(dry.statusCode).toBe(200);
    const body = dry.json();
    expect(body).toMatchObject({ dryRun: true, total: 5, valid: 1, created: 0 });
    const errs = body.errors.map((e: { line: number; field: string; reason: string }) => [e.line, e.field, e.reason]);
    expect(errs).toEqual([
      [3, 'name', 'required'],
      [4, 'mobile', 'invalid_format'],
      [4, 'department', 'not_found'],
      [5, 'email', 'duplicate_in_file'],
      [6, 'mobile', 'already_used'],
    ]);

    const before = await countMembers();
    const real = await upload(Buffer.from(bad), false);
    expect(real.statusCode).toBe(400);
    expect(real.json().error.code).toBe('invalid');
    expect(real.json().error.details.errors).toHaveLength(5);
    expect(await countMembers()).toBe(before);

    const fixed = [
      '姓名,手机,邮箱,部门',
      '好人一,13944440001,good1@example.com,上海一店',
      '好人二,13944440002,,上海一店',
      '好人三,13944440003,dup@example.com,华东区',
      '好人四,13944440004,dup4@example.com,上海一店',
      '好人五,13944440005,,上海一店',
    ].join('\n');
    const ok = await upload(Buffer.from(fixed), false);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().created).toBe(5);
    expect(await countMembers()).toBe(before + 5);
  });

  it('reports supervisor cycles inside the file', async () => {
    const csv = [
      '姓名,邮箱,直属上级',
      '环一,ring1@example.com,ring2@example.com',
      '环二,ring2@example.com,ring1@example.com',
    ].join('\n');
    const res = await upload(Buffer.from(csv), true);
    expect(res.json().errors.map((e: { reason: string }) => e.reason)).toEqual(['cycle', 'cycle']);
  });

  it('refuses binary junk and files without a name column', async () => {
    const junk = Buffer.from([0x00, 0xff, 0xfe, 0x81, 0x00, 0x13, 0x37, 0xff, 0xff, 0x80, 0x01, 0x02]);
    const res = await upload(junk, true);
    expect(res.statusCode).toBe(400);
    const noName = await upload(Buffer.from('手机,邮箱\n13955550001,x@example.com\n'), true);
    expect(noName.statusCode).toBe(400);
    const brokenZip = await upload(Buffer.from('PK\u0003\u0004garbage'), true, owner, 'x.xlsx');
    expect(brokenZip.statusCode).toBe(400);
  });

  it('refuses more than 5,000 rows', async () => {
    const lines = ['姓名'];
    for (let i = 0; i < 5001; i++) lines.push(`成员${i}`);
    const res = await upload(Buffer.from(lines.join('\n')), true);
    expect(res.json().error.code).toBe('limit_exceeded');
  });

  it('needs member.import, and rows must lie in the importer’s member.manage reach', async () => {
    const plain = await makeMember(server.ctx, org, { departmentId: shanghai, name: '无权者' });
    const auth = await sessionFor(server.ctx, org.orgId, plain.id);
    const denied = await upload(Buffer.from('姓名\n某人\n'), true, auth);
    expect(denied.statusCode).toBe(403);

    const role = await server.ctx.db
      .selectFrom('roles')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('builtin_key', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    await server.ctx.db
      .insertInto('role_permissions')
      .values({ org_id: org.orgId, role_id: role.id, permission: 'member.import' })
      .execute();
    const sup = await makeMember(server.ctx, org, { departmentId: shanghai, name: '店长乙', roles: ['supervisor'] });
    const supAuth = await sessionFor(server.ctx, org.orgId, sup.id);
    const res = await upload(Buffer.from('姓名,部门\n店里人,上海一店\n外人,财务部\n'), true, supAuth);
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ line: 3, field: 'department', reason: 'outside_scope' }),
    ]);
  });
});
