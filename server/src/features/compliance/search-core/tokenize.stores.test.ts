/**
 * Holds both stores to the tokenizer: the same messages and queries, searched in SQLite FTS5
 * (tokenize='ascii') and in PostgreSQL (to_tsvector/to_tsquery 'simple'), must give exactly the
 * hits matchesQuery predicts — and no query, however hostile, may be a syntax error in either.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../../../../test/stores.js';
import { indexTokens, matchesQuery, queryTokens, toFtsDocument, toFtsQuery, toTsQuery } from './tokenize.js';

const POOL = [
  ...'客户经理报价明天开会的是𠀀𠀁東京タワーカナｶﾀ한국어',
  ...'aBcXyZiPhone0123456789ＡＢｃ１２',
  ...'éİΣσςß\u0301\u200d\u00ad\ufe0f',
  ...' ，。！-_.:;/\\\'"()*^+&|!<>~@#%$=',
  '😀',
  '👍🏽',
];
const pooled = (maxLength: number) => fc.array(fc.constantFrom(...POOL), { maxLength }).map((chars) => chars.join(''));

const MESSAGES = [
  '明天上午十点和客户开会，请准备报价单',
  '客户经理张三已经到了',
  '客户来了，户经过这里，经理说好', // every bigram of 客户经理, never adjacent: phrases must not match
  '新款iPhone15报价：5999元',
  'IPHONE 15 PRO 到货了',
  'ｉＰｈｏｎｅ１５的屏幕',
  'getUserName() returns null',
  '東京タワーに行きました',
  '한국어 메시지입니다',
  'Café au lait ☕ at 3pm',
  'ΟΔΟΣ 12',
  'nothing to see here 😀',
  '2024Q3目标达成',
  'Q 3 目标，3Q',
  'iPhone15Pro到了, 5G',
  'zm0123 zy020000',
  '"quoted" AND (parens) OR NOT -minus *star ^caret : colon \' apostrophe \\ backslash <-> & | !',
];
const QUERIES = [
  '客户',
  '客',
  '客户经理',
  '报价 iphone',
  'iPhone15',
  'Q3',
  'Q3 目标',
  '2024q',
  '15pro',
  'iPhone15Pro',
  '5g',
  'zm0123',
  'zy020000',
  'phone',
  'PRO',
  'タワー',
  '국어',
  'café',
  'οδος',
  '12',
  '"quoted" AND',
  'NOT minus',
  '*',
  '(parens) OR',
  "' OR 1=1 --",
  'a" OR "b',
  'x) | (y',
  '<-> & | ! :*',
  'NEAR(客户 经理, 2)',
  '\\',
  '😀',
];

const docs = [...MESSAGES, ...fc.sample(pooled(50), { numRuns: 150, seed: 20250301 })];
const queries = [
  ...QUERIES,
  ...fc.sample(pooled(8), { numRuns: 80, seed: 7 }),
  ...docs.slice(0, 60).map((doc, i) => [...doc].slice(i % 5, (i % 5) + 2 + (i % 4)).join('')),
];
const searchable = queries.filter((q) => queryTokens(q).mode === 'all');

const expected = searchable.map((query) => docs.flatMap((doc, i) => (matchesQuery(doc, query) ? [i] : [])));

describe('search on both stores', () => {
  const sqlite = new Database(':memory:');
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  const documents = docs.map((doc) => toFtsDocument(indexTokens(doc)));

  beforeAll(async () => {
    sqlite.exec("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'ascii')");
    const insert = sqlite.prepare('INSERT INTO docs (rowid, body) VALUES (?, ?)');
    for (const [i, body] of documents.entries()) insert.run(i, body);
    await client.connect();
  });
  afterAll(async () => {
    sqlite.close();
    await client.end();
  });

  it('has queries that find something and queries that find nothing', () => {
    expect(expected.filter((hits) => hits.length > 0).length).toBeGreaterThan(40);
    expect(expected.filter((hits) => hits.length === 0).length).toBeGreaterThan(10);
  });

  it('gives SQLite FTS5 exactly the hits the tokenizer predicts', () => {
    const search = sqlite.prepare<[string], { rowid: number }>(
      'SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid',
    );
    const got = searchable.map((query) => search.all(toFtsQuery(queryTokens(query)) as string).map((r) => r.rowid));
    expect(got).toEqual(expected);
  });

  it('gives PostgreSQL exactly the same hits', async () => {
    const { rows } = await client.query<{ i: number; j: number }>(
      `WITH d AS (SELECT i::int - 1 AS i, to_tsvector('simple', doc) AS v FROM unnest($1::text[]) WITH ORDINALITY AS t(doc, i)),
            q AS (SELECT j::int - 1 AS j, to_tsquery('simple', query) AS tq FROM unnest($2::text[]) WITH ORDINALITY AS t(query, j))
       SELECT q.j, d.i FROM q JOIN d ON d.v @@ q.tq ORDER BY q.j, d.i`,
      [documents, searchable.map((query) => toTsQuery(queryTokens(query)))],
    );
    const got = searchable.map(() => [] as number[]);
    for (const row of rows) got[row.j]?.push(row.i);
    expect(got).toEqual(expected);
  });

  it('lets PostgreSQL see exactly our tokens at our positions', async () => {
    const { rows } = await client.query<{ i: number; lexeme: string; positions: number[] }>(
      `SELECT t.i::int - 1 AS i, v.lexeme, v.positions
       FROM unnest($1::text[]) WITH ORDINALITY AS t(doc, i), unnest(to_tsvector('simple', t.doc)) AS v
       ORDER BY 1, 2`,
      [documents],
    );
    const got = rows.map((r) => `${r.i} ${r.lexeme} ${r.positions.join(',')}`).sort();
    const want = docs
      .flatMap((doc, i) => {
        const positions = new Map<string, number[]>();
        for (const [p, token] of indexTokens(doc).entries())
          positions.set(token, [...(positions.get(token) ?? []), p + 1]);
        return [...positions].map(([token, at]) => `${i} ${token} ${at.join(',')}`);
      })
      .sort();
    expect(got).toEqual(want);
  });

  it('never lets a typed query be a syntax error in either store', async () => {
    const hostile = fc.sample(fc.string({ maxLength: 20 }), { numRuns: 200, seed: 99 });
    const search = sqlite.prepare('SELECT count(*) AS n FROM docs WHERE docs MATCH ?');
    for (const text of [...QUERIES, ...hostile]) {
      const query = queryTokens(text);
      const fts = toFtsQuery(query);
      const ts = toTsQuery(query);
      if (fts === null || ts === null) continue;
      expect(() => search.get(fts), text).not.toThrow();
      await expect(client.query("SELECT to_tsquery('simple', $1) AS q", [ts]), text).resolves.toBeDefined();
    }
  });
});
