import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, type Headers } from '../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

type ReplyJson = {
  id: string;
  title: string;
  text: string;
  scope: 'org' | 'personal';
  category: { id: string; name: string } | null;
  useCount: number;
  lastUsedAt: string | null;
  canEdit: boolean;
};
type CategoryJson = { id: string; name: string; scope: string; replyCount: number; canEdit: boolean };

describe.each(STORE_KINDS)('quick replies on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let call: ReturnType<typeof caller>;
  let admin: Headers;
  let seller: Headers;
  let other: Headers;
  const category: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    call = caller(server);
    org = await makeOrg(server.ctx, '话术公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const s = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售甲' });
    const o = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售乙' });
    seller = await sessionFor(server.ctx, org.orgId, s.id);
    other = await sessionFor(server.ctx, org.orgId, o.id);
    for (const [name, sortOrder] of [
      ['售后', 2],
      ['开场白', 1],
    ] as const) {
      const res = await call(admin, 'POST', '/api/v1/quick-reply-categories', { name, scope: 'org', sortOrder });
      expect(res.statusCode, res.body).toBe(200);
      category[name] = (res.json().items as CategoryJson[]).find((c) => c.name === name)?.id as string;
    }
  });
  afterAll(() => server.close());

  async function addReply(who: Headers, body: object): Promise<ReplyJson> {
    const res = await call(who, 'POST', '/api/v1/quick-replies', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ReplyJson;
  }
  const list = async (who: Headers, query = '') =>
    (await call(who, 'GET', `/api/v1/quick-replies?${query}`)).json() as {
      items: ReplyJson[];
      total: number;
      nextCursor: string | null;
    };
  const titles = async (who: Headers, query = '') => (await list(who, query)).items.map((r) => r.title);

  it('lets a manager keep org replies in categories that every member reads but cannot change', async () => {
    const greeting = await addReply(admin, {
      title: '问候语',
      text: '您好，我是您的专属顾问，很高兴为您服务！',
      scope: 'org',
      categoryId: category.开场白,
    });
    expect(greeting).toMatchObject({ scope: 'org', category: { name: '开场白' }, useCount: 0, canEdit: true });
    const seen = (await list(seller)).items.find((r) => r.id === greeting.id);
    expect(seen).toMatchObject({ text: '您好，我是您的专属顾问，很高兴为您服务！', canEdit: false });

    const denied = await call(seller, 'POST', '/api/v1/quick-replies', { title: '擅自', text: '内容', scope: 'org' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    expect((await call(seller, 'PATCH', `/api/v1/quick-replies/${greeting.id}`, { text: '改' })).statusCode).toBe(403);
    expect((await call(seller, 'DELETE', `/api/v1/quick-replies/${greeting.id}`)).statusCode).toBe(403);
    const cat = await call(seller, 'POST', '/api/v1/quick-reply-categories', { name: '我的组', scope: 'org' });
    expect(cat.statusCode).toBe(403);
    expect((await call(seller, 'DELETE', `/api/v1/quick-reply-categories/${category.售后}`)).statusCode).toBe(403);
    expect((await titles(admin)).includes('擅自')).toBe(false);
  });

  it('keeps personal replies and categories to their owner', async () => {
    const mineRes = await call(seller, 'POST', '/api/v1/quick-reply-categories', {
      name: '我的常用',
      scope: 'personal',
    });
    const mine = (mineRes.json().items as CategoryJson[]).find((c) => c.name === '我的常用') as CategoryJson;
    expect(mine).toMatchObject({ scope: 'personal', canEdit: true });
    const own = await addReply(seller, {
      title: '报价说明',
      text: '本周下单可享受九折优惠',
      scope: 'personal',
      categoryId: mine.id,
    });
    expect(own).toMatchObject({ scope: 'personal', canEdit: true, category: { id: mine.id } });

    expect(await titles(other)).not.toContain('报价说明');
    expect(await titles(admin)).not.toContain('报价说明');
    const othersCategories = (await call(other, 'GET', '/api/v1/quick-reply-categories')).json()
      .items as CategoryJson[];
    expect(othersCategories.map((c) => c.name)).toEqual(['开场白', '售后']);
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/quick-replies/${own.id}`, { text: '偷改' }],
      ['DELETE', `/api/v1/quick-replies/${own.id}`, undefined],
      ['POST', `/api/v1/quick-replies/${own.id}/use`, undefined],
      ['PATCH', `/api/v1/quick-reply-categories/${mine.id}`, { name: '偷改' }],
      ['DELETE', `/api/v1/quick-reply-categories/${mine.id}`, undefined],
    ] as const) {
      const res = await call(admin, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Another member cannot file a reply in someone else's personal category either.
    const sneaky = await call(other, 'POST', '/api/v1/quick-replies', {
      title: '放进别人分类',
      text: '内容',
      scope: 'personal',
      categoryId: mine.id,
    });
    expect(sneaky.statusCode).toBe(404);
    const edited = await call(seller, 'PATCH', `/api/v1/quick-replies/${own.id}`, { text: '本月下单可享受八折优惠' });
    expect(edited.json()).toMatchObject({ text: '本月下单可享受八折优惠', title: '报价说明' });
  });

  it('finds replies by a Chinese keyword in the title or the text', async () => {
    await addReply(admin, {
      title: '物流查询',
      text: '您的订单已发货，预计三天内送达',
      scope: 'org',
      categoryId: category.售后,
    });
    await addReply(admin, {
      title: '退换货',
      text: '七天无理由退货，请保留包装',
      scope: 'org',
      categoryId: category.售后,
    });
    expect(await titles(seller, `q=${encodeURIComponent('发货')}`)).toEqual(['物流查询']);
    expect(await titles(seller, `q=${encodeURIComponent('退换')}`)).toEqual(['退换货']);
    expect(await titles(seller, `q=${encodeURIComponent('优惠')}`)).toEqual(['报价说明']);
    expect(await titles(other, `q=${encodeURIComponent('优惠')}`)).toEqual([]);
    expect(await titles(seller, `q=${encodeURIComponent('100%')}`)).toEqual([]);
    expect(await titles(seller, `categoryId=${category.售后}&sort=title`)).toEqual(['退换货', '物流查询']);
    expect(await titles(seller, 'scope=personal')).toEqual(['报价说明']);
    // Org first, categories in their order (开场白 1, 售后 2), then personal.
    expect(await titles(seller, 'sort=title')).toEqual(['问候语', '退换货', '物流查询', '报价说明']);
  });

  it('counts each use and orders a category by usage', async () => {
    const byTitle = (await list(seller, `categoryId=${category.售后}&sort=title`)).items;
    expect(byTitle.map((r) => r.title)).toEqual(['退换货', '物流查询']);
    const logistics = byTitle[1]?.id as string;
    server.clock.advance(60_000);
    const used = await call(seller, 'POST', `/api/v1/quick-replies/${logistics}/use`);
    expect(used.statusCode, used.body).toBe(200);
    await call(other, 'POST', `/api/v1/quick-replies/${logistics}/use`);
    expect(used.json()).toMatchObject({ useCount: 1, lastUsedAt: server.clock.now().toISOString() });
    const after = (await list(admin, `categoryId=${category.售后}`)).items;
    expect(after.map((r) => [r.title, r.useCount])).toEqual([
      ['物流查询', 2],
      ['退换货', 0],
    ]);
  });

  it('pages through the list with a cursor and a total', async () => {
    const first = await list(seller, 'limit=3&sort=title');
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(4);
    const second = await list(seller, `limit=3&sort=title&cursor=${first.nextCursor}`);
    expect(second.items.map((r) => r.title)).toEqual(['报价说明']);
    expect(second.nextCursor).toBeNull();
    const bad = await call(seller, 'GET', '/api/v1/quick-replies?cursor=bm90LWEtbnVtYmVy');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to delete a category that still holds replies, and deletes it once empty', async () => {
    const refused = await call(admin, 'DELETE', `/api/v1/quick-reply-categories/${category.开场白}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'category_not_empty', details: { replies: 1 } });
    const greeting = (await list(admin, `categoryId=${category.开场白}`)).items[0] as ReplyJson;
    const moved = await call(admin, 'PATCH', `/api/v1/quick-replies/${greeting.id}`, { categoryId: null });
    expect(moved.json().category).toBeNull();
    expect((await call(admin, 'DELETE', `/api/v1/quick-reply-categories/${category.开场白}`)).statusCode).toBe(200);
    const names = ((await call(seller, 'GET', '/api/v1/quick-reply-categories')).json().items as CategoryJson[]).map(
      (c) => c.name,
    );
    expect(names).toEqual(['售后', '我的常用']);
  });

  it('answers bad input with 4xx and a code, writing nothing', async () => {
    const before = (await list(admin)).total;
    const cases: [object, number, string][] = [
      [{ title: '', text: '内容', scope: 'org' }, 400, 'invalid'],
      [{ title: '   ', text: '内容', scope: 'org' }, 400, 'invalid'],
      [{ title: '标题', text: 'x'.repeat(2001), scope: 'org' }, 400, 'invalid'],
      [{ title: '标题', text: '内容', scope: 'team' }, 400, 'invalid'],
      [{ title: '标题', text: '内容', scope: 'org', extra: 1 }, 400, 'invalid'],
      [{ title: '标题', text: '内容', scope: 'org', categoryId: 'nope' }, 400, 'invalid'],
      [
        { title: '标题', text: '内容', scope: 'org', categoryId: '00000000-0000-4000-8000-000000000000' },
        404,
        'not_found',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await call(admin, 'POST', '/api/v1/quick-replies', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const personalCategory = (
      (await call(seller, 'GET', '/api/v1/quick-reply-categories')).json().items as CategoryJson[]
    ).find((c) => c.scope === 'personal') as CategoryJson;
    const wrongKind = await call(seller, 'POST', '/api/v1/quick-replies', {
      title: '放错',
      text: '内容',
      scope: 'personal',
      categoryId: category.售后,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details).toEqual({ field: 'categoryId' });
    const dup = await call(seller, 'POST', '/api/v1/quick-reply-categories', {
      name: personalCategory.name,
      scope: 'personal',
    });
    expect(dup.statusCode).toBe(409);
    expect((await list(admin)).total).toBe(before);
  });

  it('refuses an org reply that a blocking sensitive rule catches, naming the rule', async () => {
    const lexicon = await call(admin, 'POST', '/api/v1/compliance/lexicons', {
      name: '违规承诺',
      category: 'custom',
      words: ['保证收益'],
    });
    const rule = await call(admin, 'POST', '/api/v1/compliance/rules', {
      name: '禁止承诺收益',
      lexiconIds: [lexicon.json().id],
      detectors: [],
      action: 'block',
      scope: 'external',
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const refused = await call(admin, 'POST', '/api/v1/quick-replies', {
      title: '理财推荐',
      text: '这款产品保证收益，放心购买',
      scope: 'org',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'content_blocked',
      details: { rule: { name: '禁止承诺收益' }, found: ['保证收益'] },
    });
    expect(refused.json().error.message).toContain('禁止承诺收益');
    const greeting = (await list(admin, `q=${encodeURIComponent('问候')}`)).items[0] as ReplyJson;
    const edit = await call(admin, 'PATCH', `/api/v1/quick-replies/${greeting.id}`, { text: '我们保证收益' });
    expect(edit.statusCode).toBe(422);
    expect((await list(admin, `q=${encodeURIComponent('保证收益')}`)).total).toBe(0);
  });

  it('audits every change to org replies and categories, not personal ones', async () => {
    const entries = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_label'])
      .where('org_id', '=', org.orgId)
      .where('action', 'like', 'quick_reply%')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => `${e.action} ${e.target_label}`)).toEqual([
      'quick_reply_category.changed 售后',
      'quick_reply_category.changed 开场白',
      'quick_reply.created 问候语',
      'quick_reply.created 物流查询',
      'quick_reply.created 退换货',
      'quick_reply.updated 问候语',
      'quick_reply_category.changed 开场白',
    ]);
  });
});
