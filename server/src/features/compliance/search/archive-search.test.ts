import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchWorld, type SearchWorld } from '../../../../test/archive-search-fixture.js';
import { person } from '../../../../test/conversation-fixtures.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { unindexArchiveRecords } from './index-records.js';

type Hit = {
  id: string;
  seq: number;
  type: string;
  at: string;
  text: string;
  previousText: string | null;
  fileName: string | null;
  highlights: { start: number; end: number }[];
  previousHighlights: { start: number; end: number }[];
  fileHighlights: { start: number; end: number }[];
  conversation: { id: string; name: string; kind: string };
  sender: { id: string; name: string; kind: string } | null;
};
type Page = { items: Hit[]; nextCursor: string | null };

describe.each(STORE_KINDS)('archive search on %s', (kind) => {
  let server: TestServer;
  let w: SearchWorld;

  beforeAll(async () => {
    server = await startTestServer(kind);
    w = await buildSearchWorld(server);
  });
  afterAll(() => server.close());

  const search = async (params: Record<string, string>, headers = w.admin) => {
    const res = await w.call(headers, 'GET', `/api/v1/archive/search?${new URLSearchParams(params)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const texts = (page: Page) => page.items.map((h) => `${h.type}:${h.text}`);
  const marked = (text: string, spans: { start: number; end: number }[]) =>
    spans.map((s) => text.slice(s.start, s.end));

  it('finds a two-character Chinese word and highlights it, newest first', async () => {
    const page = await search({ q: '客户' });
    expect(texts(page)).toEqual(['edited:明天下午三点和客户开会', 'created:明天上午十点和客户开会，请准备报价单']);
    expect(marked(page.items[0]?.text ?? '', page.items[0]?.highlights ?? [])).toEqual(['客户']);
    expect(page.items[0]?.previousText).toBe('明天上午十点和客户开会，请准备报价单');
    expect(marked(page.items[0]?.previousText ?? '', page.items[0]?.previousHighlights ?? [])).toEqual(['客户']);
    expect(page.items[0]?.conversation).toMatchObject({ name: '客户跟进群', kind: 'group' });
    expect(page.items[0]?.sender).toMatchObject({ name: '销售小王', kind: 'staff' });
  });

  it('finds "iPhone15报价" by iphone, by 报价 and by the whole, and a file by its name', async () => {
    expect(texts(await search({ q: 'iphone' }))).toEqual(['created:新款iPhone15报价：5999元']);
    expect(texts(await search({ q: 'iPhone15报价' }))).toEqual(['created:新款iPhone15报价：5999元']);
    const quote = await search({ q: '报价' });
    expect(quote.items.map((h) => h.text || h.fileName)).toEqual([
      '赵总您好，报价单已发您邮箱',
      '年度报价单.xlsx',
      '明天下午三点和客户开会', // an edit whose previous text held the word
      '新款iPhone15报价：5999元',
      '明天上午十点和客户开会，请准备报价单',
    ]);
    const file = quote.items[1];
    expect(marked(file?.fileName ?? '', file?.fileHighlights ?? [])).toEqual(['报价']);
  });

  it('finds single characters, English words in any case, and every word of a query', async () => {
    expect(texts(await search({ q: '好' }))).toEqual(['created:赵总您好，报价单已发您邮箱', 'created:好的']);
    expect(texts(await search({ q: 'CUSTOMER' }))).toEqual(['created:The customer wants a discount on the Pro model']);
    expect(texts(await search({ q: '客户 开会 三点' }))).toEqual(['edited:明天下午三点和客户开会']);
    expect(texts(await search({ q: '客户经理' }))).toEqual([]);
    expect(texts(await search({ q: '!!!' }))).toEqual([]);
  });

  it('lists records by time with filters alone, recalls included', async () => {
    const page = await search({ memberId: w.colleague.id });
    expect(page.items.map((h) => h.type)).toEqual(['recalled', 'created', 'created', 'created']);
    const conversation = await search({ conversationId: w.externalId });
    expect(conversation.items.map((h) => h.sender?.name)).toEqual(['客户赵总', '销售小王']);
    expect(conversation.items[0]?.sender?.kind).toBe('guest');
    expect(conversation.items[0]?.conversation.kind).toBe('external');
  });

  it('filters by external participant, time range and combinations', async () => {
    expect(texts(await search({ guestEmail: w.guestEmail.toUpperCase(), q: '报价' }))).toEqual([
      'created:赵总您好，报价单已发您邮箱',
    ]);
    expect(texts(await search({ guestEmail: 'nobody@example.com' }))).toEqual([]);
    const all = await search({ q: '报价' });
    const oldest = all.items.at(-1) as Hit;
    const newest = all.items[0] as Hit;
    expect(texts(await search({ q: '报价', to: oldest.at }))).toEqual([]);
    expect(
      texts(await search({ q: '报价', from: oldest.at, to: new Date(Date.parse(oldest.at) + 1).toISOString() })),
    ).toEqual([`created:${oldest.text}`]);
    expect((await search({ q: '报价', from: newest.at })).items.map((h) => h.id)).toEqual([newest.id]);
    expect(texts(await search({ q: '报价', memberId: w.colleague.id, conversationId: w.groupId }))).toEqual([
      'created:新款iPhone15报价：5999元',
    ]);
  });

  it('pages with a cursor without repeating or skipping a hit', async () => {
    const all = await search({ q: '报价' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await search({ q: '报价', limit: '1', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((h) => h.id));
  });

  it('shows a department-scoped auditor only records whose sender was in their departments', async () => {
    const page = await search({ q: '报价' }, w.eastAuditor);
    expect(page.items.map((h) => h.sender?.name)).toEqual(['销售小王', '销售小王', '销售小王', '销售小王']);
    expect(texts(await search({ memberId: w.colleague.id }, w.eastAuditor))).toEqual([]);
    const replay = await w.call(w.eastAuditor, 'GET', `/api/v1/archive/conversations/${w.groupId}?before=50`);
    expect(replay.statusCode).toBe(200);
    const names = (replay.json() as { items: Hit[] }).items.map((h) => h.sender?.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n === '销售小王')).toBe(true);
  });

  it('replays the conversation around a hit, in order, with edit and recall marks', async () => {
    const hit = (await search({ q: 'iphone' })).items[0] as Hit;
    const res = await w.call(
      w.admin,
      'GET',
      `/api/v1/archive/conversations/${w.groupId}?around=${hit.seq}&before=2&after=2&q=iphone`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as {
      items: (Hit & { marks: unknown })[];
      hasBefore: boolean;
      hasAfter: boolean;
      conversation: unknown;
    };
    expect(view.conversation).toMatchObject({ id: w.groupId, name: '客户跟进群' });
    expect(view.items.map((h) => h.text)).toEqual([
      '明天上午十点和客户开会，请准备报价单',
      '新款iPhone15报价：5999元',
      'The customer wants a discount on the Pro model',
      '好的',
    ]);
    expect(view.items[0]?.marks).toEqual({ edited: true, recalled: false, hiddenBy: [] });
    expect(marked(view.items[1]?.text ?? '', view.items[1]?.highlights ?? [])).toEqual(['iPhone']);
    expect(view.hasBefore).toBe(false);
    expect(view.hasAfter).toBe(true);
    const later = await w.call(w.admin, 'GET', `/api/v1/archive/conversations/${w.groupId}?before=3`);
    const items = (later.json() as { items: (Hit & { marks: { recalled: boolean } | null })[] }).items;
    expect(items.map((h) => h.type)).toEqual(['edited', 'recalled', 'created']);
  });

  it('writes every search, replay and refusal to the audit log', async () => {
    const before = await server.ctx.db.selectFrom('audit_log').select('id').where('org_id', '=', w.org.orgId).execute();
    await search({ q: '客户', memberId: w.seller.id });
    await w.call(w.admin, 'GET', `/api/v1/archive/conversations/${w.groupId}`);
    const member = await person(server.ctx, w.org, '普通员工');
    expect((await w.call(member.headers, 'GET', '/api/v1/archive/search?q=客户')).statusCode).toBe(403);
    const added = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after', 'target_id', 'actor_id'])
      .where('org_id', '=', w.org.orgId)
      .orderBy('id')
      .execute();
    const entries = added.slice(before.length);
    expect(entries.map((e) => e.action)).toEqual(['archive.searched', 'archive.conversation_viewed', 'authz.denied']);
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({
      filters: { q: '客户', memberId: w.seller.id },
      hits: 2,
    });
    expect(entries[1]?.target_id).toBe(w.groupId);
  });

  it('refuses bad parameters with 400 and a code, and unknown conversations with 404', async () => {
    for (const query of [
      'memberId=not-an-id',
      'from=yesterday',
      'limit=0',
      'limit=1000',
      'cursor=bm9wZQ',
      `from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
      'guestEmail=not-mail',
      'sort=asc',
    ]) {
      const res = await w.call(w.admin, 'GET', `/api/v1/archive/search?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('invalid');
      expect(res.json().error.message, query).toBeTruthy();
    }
    const missing = await w.call(w.admin, 'GET', '/api/v1/archive/conversations/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect((await w.call(w.admin, 'GET', `/api/v1/archive/conversations/${w.groupId}?before=500`)).statusCode).toBe(
      400,
    );
  });

  it('drops records from the index when retention takes their content', async () => {
    const hit = (await search({ q: 'discount' })).items[0] as Hit;
    await server.ctx.db.transaction().execute((tx) => unindexArchiveRecords(tx, w.org.orgId, [hit.id]));
    expect(texts(await search({ q: 'discount' }))).toEqual([]);
    expect((await search({ memberId: w.seller.id })).items.map((h) => h.id)).not.toContain(hit.id);
  });
});
