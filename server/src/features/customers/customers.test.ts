import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCustomer, caller, type Headers, names } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('customers on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: Headers;
  let seller: Headers;
  let sellerId: string;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '客户公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sellerId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售小王' })).id;
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
  });
  afterAll(() => server.close());

  it('adds a customer owned by the member who adds it, in the first stage, from a manual source', async () => {
    const created = await addCustomer(server, seller, {
      name: '张伟',
      company: '上海华联办公',
      mobile: '138 1234 5678',
      email: 'Zhang.Wei@Example.com',
      gender: 'male',
      region: '上海',
      remark: '展会认识\n需要报价',
    });
    expect(created).toMatchObject({
      name: '张伟',
      owner: { id: sellerId, name: '销售小王' },
      stage: { name: '线索', kind: 'open' },
      source: 'manual',
      gender: 'male',
      remark: '展会认识\n需要报价',
      // A plain member does not hold customer.view_contact: they see their own customer masked too.
      mobile: '138****5678',
      email: 'z***@example.com',
      contactMasked: true,
    });
    const full = await call(admin, 'GET', `/api/v1/customers/${created.id}`);
    expect(full.json()).toMatchObject({ mobile: '13812345678', email: 'zhang.wei@example.com', contactMasked: false });
    expect(full.json().stageHistory).toEqual([
      expect.objectContaining({ from: null, to: expect.objectContaining({ name: '线索' }), by: expect.anything() }),
    ]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'customer.created')
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.after).toContain('138****5678');
    expect(audit.after).not.toContain('13812345678');
  });

  it('refuses a second customer with the same mobile or email, naming the first, unless forced', async () => {
    const first = await addCustomer(server, seller, { name: '李娜', mobile: '13900001111' });
    const again = await call(admin, 'POST', '/api/v1/customers', { name: '李娜（重复）', mobile: '139-0000-1111' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'conflict',
      details: {
        reason: 'duplicate_customer',
        duplicates: [{ id: first.id, name: '李娜', owner: { id: sellerId }, matchedOn: ['mobile'] }],
      },
    });
    const forced = await call(admin, 'POST', '/api/v1/customers', {
      name: '李娜（重复）',
      mobile: '13900001111',
      force: true,
    });
    expect(forced.statusCode).toBe(201);
  });

  it('lists by pinyin or by last update, and finds by Chinese name, initials, company or whole mobile', async () => {
    for (const name of ['赵强', '阿明', '钱多多']) {
      server.clock.advance(1000);
      await addCustomer(server, seller, { name, company: `${name}贸易` });
    }
    const byPinyin = await call(seller, 'GET', '/api/v1/customers');
    expect(names(byPinyin.json())).toEqual(['阿明', '李娜', '钱多多', '张伟', '赵强']);
    const byUpdate = await call(seller, 'GET', '/api/v1/customers?sort=updated&limit=2');
    expect(names(byUpdate.json())).toEqual(['钱多多', '阿明']);
    const next = await call(
      seller,
      'GET',
      `/api/v1/customers?sort=updated&limit=2&cursor=${byUpdate.json().nextCursor}`,
    );
    expect(names(next.json())).toEqual(['赵强', '李娜']);

    const find = async (q: string) =>
      names((await call(seller, 'GET', `/api/v1/customers?q=${encodeURIComponent(q)}`)).json());
    expect(await find('张')).toEqual(['张伟']);
    expect(await find('zw')).toEqual(['张伟']);
    expect(await find('华联')).toEqual(['张伟']);
    expect(await find('13812345678')).toEqual(['张伟']);
    // Without the contact permission, part of a number finds nothing (no guessing hidden digits).
    expect(await find('1234')).toEqual([]);
    const adminFind = await call(admin, 'GET', `/api/v1/customers?q=1234`);
    expect(names(adminFind.json())).toEqual(['张伟']);
  });

  it('edits fields and co-followers, and bumps the customer to the top of recent updates', async () => {
    const list = await call(seller, 'GET', '/api/v1/customers?q=%E8%B5%B5%E5%BC%BA');
    const id = list.json().items[0].id as string;
    const colleague = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '协作小李' });
    server.clock.advance(1000);
    const res = await call(seller, 'PATCH', `/api/v1/customers/${id}`, {
      title: '采购经理',
      region: '杭州',
      followerIds: [colleague.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: '采购经理',
      region: '杭州',
      followers: [{ id: colleague.id, name: '协作小李' }],
    });
    const recent = await call(seller, 'GET', '/api/v1/customers?sort=updated&limit=1');
    expect(names(recent.json())).toEqual(['赵强']);
    // The co-follower now sees the customer too.
    const colleagueSees = await call(await sessionFor(server.ctx, org.orgId, colleague.id), 'GET', '/api/v1/customers');
    expect(names(colleagueSees.json())).toEqual(['赵强']);
  });

  it('answers bad input with a clear 4xx naming the field', async () => {
    const cases: [object, number, string][] = [
      [{ name: '' }, 400, 'name'],
      [{ name: '坏号码', mobile: '12345' }, 400, 'mobile'],
      [{ name: '坏邮箱', email: 'not-an-email' }, 400, 'email'],
      [{ name: '坏性别', gender: 'other' }, 400, 'gender'],
      [{ name: '多余字段', vip: true }, 400, 'vip'],
      [{ name: '没有的阶段', stageId: '00000000-0000-4000-8000-000000000000' }, 404, 'stageId'],
      [{ name: '没有的负责人', ownerId: '00000000-0000-4000-8000-000000000000' }, 404, 'ownerId'],
      [{ name: '没有的标签', tagIds: ['00000000-0000-4000-8000-000000000000'] }, 400, 'tagIds'],
    ];
    for (const [body, status, field] of cases) {
      const res = await call(seller, 'POST', '/api/v1/customers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(res.json().error)).toContain(field);
    }
    expect((await call(seller, 'GET', '/api/v1/customers?cursor=garbage')).statusCode).toBe(400);
    expect((await call(seller, 'GET', '/api/v1/customers/not-a-uuid')).statusCode).toBe(400);
  });

  it('keeps custom field values typed as the org defined them', async () => {
    const saved = await call(admin, 'PUT', '/api/v1/customer-fields', {
      fields: [
        { name: '预算（万元）', type: 'number', required: true },
        { name: '意向产品', type: 'select', options: ['打印机', '投影仪'] },
        { name: '首次到店', type: 'date' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const [budget, product, visited] = saved.json().items as { id: string }[];
    if (!budget || !product || !visited) throw new Error('fields missing');
    const missing = await call(seller, 'POST', '/api/v1/customers', { name: '缺预算' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toMatchObject({ field: `customFields.${budget.id}`, reason: 'required' });
    const wrong = await call(seller, 'POST', '/api/v1/customers', {
      name: '选错了',
      customFields: { [budget.id]: 5, [product.id]: '冰箱' },
    });
    expect(wrong.json().error.details).toMatchObject({ reason: 'not_an_option' });
    const badDate = await call(seller, 'POST', '/api/v1/customers', {
      name: '日期错',
      customFields: { [budget.id]: 5, [visited.id]: '2026-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    const ok = await addCustomer(server, seller, {
      name: '周杰',
      customFields: { [budget.id]: 12.5, [product.id]: '投影仪', [visited.id]: '2026-01-03' },
    });
    expect(ok.customFields).toEqual({ [budget.id]: 12.5, [product.id]: '投影仪', [visited.id]: '2026-01-03' });
    // Customers added before a field became required stay editable.
    const before = (await call(seller, 'GET', '/api/v1/customers?q=%E9%98%BF%E6%98%8E')).json().items[0];
    expect((await call(seller, 'PATCH', `/api/v1/customers/${before.id}`, { remark: '老客户' })).statusCode).toBe(200);
    const changeType = await call(admin, 'PUT', '/api/v1/customer-fields', {
      fields: [{ id: budget.id, name: '预算（万元）', type: 'text' }],
    });
    expect(changeType.statusCode).toBe(400);
    expect((await call(seller, 'PUT', '/api/v1/customer-fields', { fields: [] })).statusCode).toBe(403);
    await call(admin, 'PUT', '/api/v1/customer-fields', { fields: [] });
  });

  it('refuses customers to a member whose roles hold no customer permission', async () => {
    const finance = await makeMember(server.ctx, org, {
      departmentId: org.rootDepartmentId,
      name: '财务',
      roles: ['finance'],
    });
    const res = await call(await sessionFor(server.ctx, org.orgId, finance.id), 'GET', '/api/v1/customers');
    expect(res.statusCode).toBe(403);
  });
});
