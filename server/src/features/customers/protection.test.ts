import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCustomer,
  type CustomerJson,
  caller,
  type Headers,
  makeRole,
  names,
} from '../../../test/customer-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('customer protection on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  let sellerA: Headers;
  let sellerB: Headers;
  let eastSupervisor: Headers;
  let eastContacts: Headers;
  let exporter: Headers;
  let ofA: CustomerJson;
  let ofB: CustomerJson;
  const ids: Record<'a' | 'sup' | 'exp', string> = { a: '', sup: '', exp: '' };

  /** Test sessions last a day: after a jump in time, everyone signs in again. */
  async function signInAgain() {
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sellerA = await sessionFor(server.ctx, org.orgId, ids.a);
    eastSupervisor = await sessionFor(server.ctx, org.orgId, ids.sup);
    exporter = await sessionFor(server.ctx, org.orgId, ids.exp);
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    const { ctx } = server;
    org = await makeOrg(ctx, '保护公司');
    admin = await sessionFor(ctx, org.orgId, org.ownerId);
    const east = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '华东区');
    const shanghai = await makeDepartment(ctx, org.orgId, east, '上海店');
    const south = await makeDepartment(ctx, org.orgId, org.rootDepartmentId, '华南区');
    const a = await makeMember(ctx, org, { departmentId: shanghai, name: '上海销售' });
    const b = await makeMember(ctx, org, { departmentId: south, name: '广州销售' });
    ids.a = a.id;
    sellerA = await sessionFor(ctx, org.orgId, a.id);
    sellerB = await sessionFor(ctx, org.orgId, b.id);
    const sup = await makeMember(ctx, org, { departmentId: east, name: '华东经理', roles: ['supervisor'] });
    ids.sup = sup.id;
    eastSupervisor = await sessionFor(ctx, org.orgId, sup.id);
    const contactRole = await makeRole(ctx, org, '客户资料', 'department_tree', [
      'customer.view',
      'customer.view_contact',
    ]);
    const keeper = await makeMember(ctx, org, { departmentId: east, name: '华东客服', roleIds: [contactRole] });
    eastContacts = await sessionFor(ctx, org.orgId, keeper.id);
    const exportRole = await makeRole(ctx, org, '导出员', 'org', ['customer.view', 'data.export']);
    const exp = await makeMember(ctx, org, {
      departmentId: org.rootDepartmentId,
      name: '导出员甲',
      roleIds: [exportRole],
    });
    ids.exp = exp.id;
    exporter = await sessionFor(ctx, org.orgId, exp.id);
    ofA = await addCustomer(server, sellerA, { name: '上海客户', mobile: '13812345678', email: 'alice@example.com' });
    ofB = await addCustomer(server, sellerB, { name: '广州客户', mobile: '13987654321', email: 'bob@example.com' });
  });
  afterAll(() => server.close());

  it('shows a member only the customers they own or co-follow; others answer 404', async () => {
    expect(names((await call(sellerA, 'GET', '/api/v1/customers')).json())).toEqual(['上海客户']);
    expect(names((await call(sellerB, 'GET', '/api/v1/customers')).json())).toEqual(['广州客户']);
    for (const [method, url, body] of [
      ['GET', `/api/v1/customers/${ofA.id}`, undefined],
      ['PATCH', `/api/v1/customers/${ofA.id}`, { remark: '越权' }],
      ['POST', `/api/v1/customers/${ofA.id}/restore`, undefined],
    ] as const) {
      expect((await call(sellerB, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const tagged = await call(sellerB, 'POST', '/api/v1/customers/tags', {
      customerIds: [ofA.id],
      addTagIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(tagged.statusCode).toBe(404);
  });

  it('lets a supervisor see the customers of their department tree, with contacts masked', async () => {
    const list = (await call(eastSupervisor, 'GET', '/api/v1/customers')).json();
    expect(names(list)).toEqual(['上海客户']);
    expect(list.items[0]).toMatchObject({ mobile: '138****5678', email: 'a***@example.com', contactMasked: true });
    const detail = await call(eastSupervisor, 'GET', `/api/v1/customers/${ofA.id}`);
    expect(detail.json()).toMatchObject({ mobile: '138****5678', contactMasked: true });
    expect(detail.body).not.toContain('13812345678');
    expect((await call(eastSupervisor, 'GET', `/api/v1/customers/${ofB.id}`)).statusCode).toBe(404);
  });

  it('shows contacts to a holder of customer.view_contact, within its reach only', async () => {
    const list = (await call(eastContacts, 'GET', '/api/v1/customers')).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        name: '上海客户',
        mobile: '13812345678',
        email: 'alice@example.com',
        contactMasked: false,
      }),
    ]);
    const all = (await call(admin, 'GET', '/api/v1/customers')).json();
    expect(all.items.map((c: CustomerJson) => c.mobile)).toEqual(['13987654321', '13812345678']);
  });

  it('refuses deletion to ordinary members and supervisors, and records the refusal', async () => {
    for (const who of [sellerA, eastSupervisor]) {
      const res = await call(who, 'DELETE', `/api/v1/customers/${ofA.id}`);
      expect(res.statusCode).toBe(403);
    }
    expect((await call(sellerA, 'GET', '/api/v1/customers?deleted=true')).statusCode).toBe(403);
    const denied = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'authz.denied')
      .where('target_id', '=', ids.a)
      .execute();
    expect(denied.map((d) => d.after)).toContain(JSON.stringify({ permission: 'customer.delete' }));
    expect((await call(admin, 'GET', `/api/v1/customers/${ofA.id}`)).json().deletedAt).toBeNull();
  });

  it('deletes softly, restores within 30 days, and after that the customer is gone for good', async () => {
    const victim = await addCustomer(server, sellerA, { name: '将被删除' });
    expect((await call(admin, 'DELETE', `/api/v1/customers/${victim.id}`)).statusCode).toBe(200);
    expect(names((await call(sellerA, 'GET', '/api/v1/customers')).json())).not.toContain('将被删除');
    expect((await call(sellerA, 'GET', `/api/v1/customers/${victim.id}`)).statusCode).toBe(404);
    const bin = (await call(admin, 'GET', '/api/v1/customers?deleted=true')).json();
    expect(bin.items).toEqual([
      expect.objectContaining({
        name: '将被删除',
        deletedAt: server.clock.now().toISOString(),
        restorableUntil: new Date(server.clock.now().getTime() + 30 * DAY).toISOString(),
      }),
    ]);
    expect((await call(admin, 'DELETE', `/api/v1/customers/${victim.id}`)).statusCode).toBe(404);

    server.clock.advance(29 * DAY);
    await signInAgain();
    const restored = await call(admin, 'POST', `/api/v1/customers/${victim.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect(names((await call(sellerA, 'GET', '/api/v1/customers')).json())).toContain('将被删除');

    await call(admin, 'DELETE', `/api/v1/customers/${victim.id}`);
    server.clock.advance(31 * DAY);
    await signInAgain();
    expect((await call(admin, 'GET', '/api/v1/customers?deleted=true')).json().items).toEqual([]);
    expect((await call(admin, 'POST', `/api/v1/customers/${victim.id}/restore`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/v1/customers/${victim.id}`)).statusCode).toBe(404);

    const trail = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('target_id', '=', victim.id)
      .orderBy('id')
      .execute();
    expect(trail.map((t) => t.action)).toEqual([
      'customer.created',
      'customer.deleted',
      'customer.restored',
      'customer.deleted',
    ]);
  });

  it('exports only with data.export, naming the exporter in the file and masking as they see it', async () => {
    expect((await call(sellerA, 'GET', '/api/v1/customers/export')).statusCode).toBe(403);
    const csv = await call(admin, 'GET', '/api/v1/customers/export');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^导出人,王老板,导出时间,.+,客户数,2$/);
    expect(lines[1]).toMatch(/^姓名,公司,职务,手机,邮箱,/);
    expect(csv.body).toContain('13812345678');

    const masked = await call(exporter, 'GET', '/api/v1/customers/export?format=xlsx');
    expect(masked.statusCode, masked.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(masked.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.creator).toBe('导出员甲');
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('导出员甲');
    const mobiles = [3, 4].map((r) => sheet?.getRow(r).getCell(4).value);
    expect(mobiles.sort()).toEqual(['138****5678', '139****4321']);
    expect(masked.rawPayload.toString('latin1')).not.toContain('13812345678');

    const exported = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'customers.exported')
      .orderBy('id')
      .execute();
    expect(exported.map((e) => e.actor_name)).toEqual(['王老板', '导出员甲']);
    expect(JSON.parse(exported[1]?.after ?? '{}')).toMatchObject({ format: 'xlsx', count: 2, contactsMasked: true });
  });
});
