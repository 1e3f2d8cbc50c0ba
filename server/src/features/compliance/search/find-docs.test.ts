/**
 * Holds the index to the tokenizer over long spans of time, on both stores: records spread over
 * two years, searched by words, periods and pages, must come back exactly as matchesQuery and
 * the records' times predict — newest first, none missed at a window's edge.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { appendArchiveRecords, type NewArchiveRecord } from '../archive/append-records.js';
import { matchesQuery, queryTokens } from '../search-core/tokenize.js';
import { docIdFloor, monthEndDay, monthStartDay, tag, windowTags } from './doc-keys.js';
import { findDocs, MAX_DOC_ID } from './find-docs.js';
import { indexArchiveRecords } from './index-records.js';
import { walkSignature } from './walk-signature.js';

const WORDS = ['客户', '报价', '合同', 'iPhone15', '发货', '好的', 'contract', '明天下午开会'];
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T08:00:00.000Z');

/** 120 messages over ~800 days, some days with several, some months with none. */
const MESSAGES = Array.from({ length: 120 }, (_, i) => {
  const at = new Date(START + Math.floor((i * i * 0.055 + i * 0.8) * DAY) + i * 61_000).toISOString();
  const text = `${WORDS[i % WORDS.length]}${i % 3 === 0 ? WORDS[(i * 5) % WORDS.length] : ''}，第${i}条`;
  return { at, text, sender: i % 4 === 0 ? 'a' : 'b' };
});

describe('window tags', () => {
  const day = (iso: string) => Date.parse(iso) / DAY;
  it('names each day of a window, or each month it touches', () => {
    expect(windowTags(day('2026-01-30'), day('2026-02-02'), false)).toEqual(
      ['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02'].map((d) => tag('day', String(day(d)))),
    );
    expect(windowTags(day('2026-01-30'), day('2026-04-02'), true)).toEqual(
      [1, 2, 3, 4].map((m) => tag('month', String(2026 * 12 + m - 1))),
    );
    expect(windowTags(day('2026-03-10'), day('2026-03-17'), true)).toEqual([tag('month', String(2026 * 12 + 2))]);
  });
  it('knows where a month starts and ends', () => {
    expect(monthStartDay(day('2026-03-17'))).toBe(day('2026-03-01'));
    expect(monthEndDay(day('2026-03-17'))).toBe(day('2026-03-31'));
    expect(monthEndDay(day('2028-02-01'))).toBe(day('2028-02-29'));
    expect(monthStartDay(day('2026-01-01'))).toBe(day('2026-01-01'));
  });
});

describe.each(STORE_KINDS)('the search index over two years on %s', (kind) => {
  let server: TestServer;
  let orgId: string;
  const senders: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    const org = await makeOrg(server.ctx);
    orgId = org.orgId;
    senders.a = server.ctx.ids.next();
    senders.b = server.ctx.ids.next();
    const conversationId = server.ctx.ids.next();
    const records: NewArchiveRecord[] = MESSAGES.map((m, i) => ({
      sourceKey: `test:${i}`,
      type: 'message.created',
      at: m.at,
      conversationId,
      actorId: senders[m.sender] as string,
      messageId: null,
      attrs: {},
      content: { body: m.text },
    }));
    await server.ctx.db.transaction().execute(async (tx) => {
      const appended = await appendArchiveRecords(server.ctx, tx, orgId, records);
      await indexArchiveRecords(server.ctx, tx, orgId, appended);
    });
  });
  afterAll(() => server.close());

  const expected = (q: string, from = '', to = '\uffff', sender?: string) =>
    MESSAGES.map((m, i) => ({ ...m, i }))
      .filter((m) => matchesQuery(m.text, q) && m.at >= from && m.at < to && (!sender || m.sender === sender))
      .reverse()
      .map((m) => m.text);

  const found = async (
    q: string,
    options: {
      from?: string;
      to?: string;
      sender?: string;
      scope?: string;
      limit?: number;
      walkDocs?: number;
      monthReads?: number;
      fewTextHits?: number;
    } = {},
  ) => {
    const out: string[] = [];
    let toId = options.to ? docIdFloor(options.to) : MAX_DOC_ID;
    for (;;) {
      const docs = await findDocs(server.ctx, {
        orgId,
        text: queryTokens(q),
        tagGroups: [options.sender, options.scope].flatMap((who) =>
          who ? [[tag('member', senders[who] as string)]] : [],
        ),
        fromId: options.from ? docIdFloor(options.from) : 0,
        toId,
        limit: options.limit ?? 7,
        narrow: Boolean(options.sender),
        ...(options.sender ? { walk: { column: 'sender_id' as const, id: senders[options.sender] as string } } : {}),
        ...(options.walkDocs ? { walkDocs: options.walkDocs } : {}),
        ...(options.monthReads !== undefined ? { monthReads: options.monthReads } : {}),
        ...(options.fewTextHits !== undefined ? { fewTextHits: options.fewTextHits } : {}),
      });
      expect(docs.length).toBeLessThanOrEqual(options.limit ?? 7);
      const texts = await server.ctx.db
        .selectFrom('archive_records')
        .select(['id', 'content'])
        .where('id', 'in', docs.map((d) => d.record_id).concat(['none']))
        .execute();
      const byId = new Map(texts.map((t) => [t.id, (JSON.parse(t.content ?? '{}') as { body: string }).body]));
      out.push(...docs.map((d) => byId.get(d.record_id) as string));
      const last = docs.at(-1);
      if (!last || docs.length < (options.limit ?? 7)) return out;
      toId = last.doc_id;
    }
  };

  it('finds every match newest first, page after page', async () => {
    for (const q of ['客户', '好', 'iphone', '明天下午开会', 'contract 报价', '第1']) {
      expect(await found(q), q).toEqual(expected(q));
    }
  });

  it('keeps to a period and to a sender', async () => {
    const from = '2025-06-10T00:00:00.000Z';
    const to = '2026-02-01T00:00:00.000Z';
    for (const q of ['客户', '合同', '好的']) {
      expect(await found(q, { from, to }), q).toEqual(expected(q, from, to));
      expect(await found(q, { sender: 'a', limit: 3 }), q).toEqual(expected(q, '', '\uffff', 'a'));
    }
    // PostgreSQL: the org's newest docs walked first, then windows of days or months, miss nothing.
    for (const q of ['客户', '好', '第1', 'contract 报价', '竞业']) {
      for (const tuning of [{ walkDocs: 3 }, { walkDocs: 40 }, { walkDocs: 3, monthReads: 0 }]) {
        expect(await found(q, { from, to, ...tuning }), q).toEqual(expected(q, from, to));
        expect(await found(q, { limit: 4, ...tuning }), q).toEqual(expected(q));
        expect(await found(q, { scope: 'b', limit: 3, ...tuning }), q).toEqual(expected(q, '', '\uffff', 'b'));
      }
    }
    // A sender's docs walked a few at a time, the rest looked up in the index, miss nothing.
    for (const q of ['客户', '好', '第1', 'contract 报价']) {
      expect(await found(q, { sender: 'b', limit: 4, walkDocs: 5 }), q).toEqual(expected(q, '', '\uffff', 'b'));
      expect(await found(q, { sender: 'a', from, to, walkDocs: 3 }), q).toEqual(expected(q, from, to, 'a'));
    }
    // A scope (tags of many docs, not narrow). PostgreSQL: the org's newest docs walked first, then
    // windows of days. SQLite: filters checked on the rows of a partition's few text hits, or matched.
    const tunings = [{ walkDocs: 3, fewTextHits: 0 }, { walkDocs: 40, fewTextHits: 4 }, {}];
    for (const q of ['客户', '好', '第1', 'contract 报价', '竞业']) {
      for (const tuning of tunings) {
        expect(await found(q, { scope: 'b', limit: 4, ...tuning }), q).toEqual(expected(q, '', '\uffff', 'b'));
        expect(await found(q, { scope: 'a', from, to, ...tuning }), q).toEqual(expected(q, from, to, 'a'));
        expect(await found(q, { sender: 'a', limit: 3, ...tuning }), q).toEqual(expected(q, '', '\uffff', 'a'));
      }
    }
    expect(await found('客户', { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' })).toEqual(
      expected('客户', '2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z'),
    );
  });

  // Last: it rewrites the signatures. A sender's walk takes its docs to the table only when their
  // signatures may hold the text; docs without one (before migration 0024's upgrade) are read.
  it.skipIf(kind === 'sqlite')('reads walked docs whose signature may match, and those without one', async () => {
    const walkAll = { sender: 'a', limit: 50, walkDocs: 500 };
    const db = server.ctx.db;
    expect(expected('客户', '', '\uffff', 'a').length).toBeGreaterThan(3);
    expect(await found('客户', walkAll)).toEqual(expected('客户', '', '\uffff', 'a'));
    await sql`UPDATE archive_search_docs SET walk_sig = NULL WHERE sender_id = ${senders.a}`.execute(db);
    expect(await found('客户', walkAll)).toEqual(expected('客户', '', '\uffff', 'a'));
    const newest = await db
      .selectFrom('archive_search_docs')
      .select('doc_id')
      .where('sender_id', '=', senders.a as string)
      .where(sql<boolean>`tokens @@ to_tsquery('simple', '客户')`)
      .orderBy('doc_id', 'desc')
      .executeTakeFirstOrThrow();
    await sql`UPDATE archive_search_docs SET walk_sig = ${walkSignature([])}::bit(512)
              WHERE doc_id = ${newest.doc_id}`.execute(db);
    expect(await found('客户', walkAll)).toEqual(expected('客户', '', '\uffff', 'a').slice(1));
  });
});
