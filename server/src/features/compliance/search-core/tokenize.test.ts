import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  highlight,
  indexTokens,
  MAX_QUERY_TERMS,
  MAX_TOKEN_LENGTH,
  matchesQuery,
  queryTokens,
  toFtsDocument,
  toFtsQuery,
  toTsQuery,
} from './tokenize.js';

/** Characters that stress every rule: CJK of all kinds, Latin in both widths and cases, marks, emoji, operators. */
const POOL = [
  ...'客户经理报价明天开会的是𠀀𠀁東京タワーカナｶﾀひらがな한국어',
  ...'aBcXyZiPhone0123456789ＡＢｃ１２',
  ...'éİΣσςß\u0301\u0308\u200d\u00ad\ufe0f',
  ...' ，。！？、「」-_.:;/\\\'"()[]{}*^+&|!<>~@#%$=\n\t',
  '😀',
  '👍🏽',
  '🇨🇳',
];
const pooled = (maxLength: number) => fc.array(fc.constantFrom(...POOL), { maxLength }).map((chars) => chars.join(''));

const texts = (spans: { start: number; end: number }[], text: string) => spans.map((s) => text.slice(s.start, s.end));

describe('index tokens', () => {
  it('split Chinese into overlapping bigrams, then its characters', () => {
    expect(indexTokens('明天和客户开会')).toEqual([
      ...['明天', '天和', '和客', '客户', '户开', '开会'],
      ...['明', '天', '和', '客', '户', '开', '会'],
    ]);
  });

  it('split mixed text at script, case and digit boundaries', () => {
    expect(indexTokens('iPhone15报价')).toEqual(['iphone', 'i', 'phone', '15', 'iphone15', '报价', '报', '价']);
    expect(indexTokens('2024年3月')).toEqual(['2024', '年', '3', '月']);
    expect(indexTokens('getUserName XMLHttpRequest')).toEqual([
      ...['getusername', 'get', 'user', 'name'],
      ...['xmlhttprequest', 'xml', 'http', 'request'],
    ]);
    expect(indexTokens('HTML html Html')).toEqual(['html', 'html', 'html']);
  });

  it('join touching letter and digit runs in pairs, after the runs themselves', () => {
    expect(indexTokens('Q3目标')).toEqual(['q', '3', 'q3', '目标', '目', '标']);
    expect(indexTokens('2024Q3')).toEqual(['2024', 'q', '3', '2024q', 'q3']);
    expect(indexTokens('iPhone15Pro')).toEqual(['iphone', 'i', 'phone', '15', 'pro', 'iphone15', '15pro']);
    expect(indexTokens('Q 3, 5G')).toEqual(['q', '3', '5', 'g', '5g']);
  });

  it('never make a pair shaped like a filter tag', () => {
    expect(indexTokens('zm0123 zy020000 zebra0')).toEqual(['zm', '0123', 'zy', '020000', 'zebra', '0', 'zebra0']);
  });

  it('never bridge punctuation, spaces or emoji', () => {
    expect(indexTokens('客户，你好！👍好的😀')).toEqual(['客户', '客', '户', '你好', '你', '好', '好的', '好', '的']);
    expect(indexTokens('hello,world! a-b_c')).toEqual(['hello', 'world', 'a', 'b', 'c']);
    expect(indexTokens('😀👍🏽🇨🇳 ，。！')).toEqual([]);
  });

  it('normalise width, case and composition', () => {
    expect(indexTokens('ＩＰＨＯＮＥ１５')).toEqual(indexTokens('IPHONE15'));
    expect(indexTokens('ｶﾀｶﾅ')).toEqual(indexTokens('カタカナ'));
    expect(indexTokens('cafe\u0301')).toEqual(indexTokens('café'));
    expect(indexTokens('ΟΔΟΣ')).toEqual(indexTokens('οδος'));
    expect(indexTokens('in\u00advisible')).toEqual(['invisible']);
    expect(indexTokens('東京タワー')).toEqual(['東京', '京タ', 'タワ', 'ワー', '東', '京', 'タ', 'ワ', 'ー']);
    expect(indexTokens('한국어')).toEqual(['한국', '국어', '한', '국', '어']);
  });

  it('cut very long words at the same length as queries do', () => {
    const long = 'a'.repeat(200);
    expect(indexTokens(long)).toEqual(['a'.repeat(MAX_TOKEN_LENGTH)]);
    expect(queryTokens(long).tokens).toEqual(['a'.repeat(MAX_TOKEN_LENGTH)]);
  });

  it('hold only lower-case ASCII letters, digits and non-ASCII characters, never empty', () => {
    fc.assert(
      fc.property(fc.oneof(pooled(40), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
        for (const token of indexTokens(text)) {
          expect(token).not.toBe('');
          for (const ch of token) expect(/[a-z0-9]/.test(ch) || (ch.codePointAt(0) ?? 0) >= 0x80, token).toBe(true);
        }
      }),
    );
  });

  it('are stored as one space-separated text', () => {
    expect(toFtsDocument(indexTokens('iPhone15报价'))).toBe('iphone i phone 15 iphone15 报价 报 价');
  });
});

describe('query tokens', () => {
  it('make a two-character word one bigram and a longer one a phrase', () => {
    expect(queryTokens('客户')).toEqual({ tokens: ['客户'], terms: [['客户']], mode: 'all' });
    expect(queryTokens('客户经理').terms).toEqual([['客户', '户经', '经理']]);
  });

  it('search a single character by unigram', () => {
    expect(queryTokens('客')).toEqual({ tokens: ['客'], terms: [['客']], mode: 'all' });
  });

  it('take words whole, lower-cased', () => {
    expect(queryTokens('iPhone 15 报价').terms).toEqual([['iphone'], ['15'], ['报价']]);
  });

  it('look up touching letter and digit runs by their pairs', () => {
    expect(queryTokens('Q3')).toEqual({ tokens: ['q3'], terms: [['q3']], mode: 'all' });
    expect(queryTokens('iPhone15报价').terms).toEqual([['iphone15'], ['报价']]);
    expect(queryTokens('iPhone15Pro').terms).toEqual([['iphone15', '15pro']]);
    expect(toFtsQuery(queryTokens('Q3 目标'))).toBe('"q3" AND "目标"');
    expect(toTsQuery(queryTokens('iPhone15Pro'))).toBe("('iphone15' <-> '15pro')");
  });

  it('search runs that would pair into a tag shape as separate words', () => {
    expect(queryTokens('zm0123').terms).toEqual([['zm'], ['0123']]);
  });

  it('drop repeated terms and stop at the term limit', () => {
    expect(queryTokens('客户 客户 CUSTOMER customer').terms).toEqual([['客户'], ['customer']]);
    const many = Array.from({ length: 50 }, (_, i) => `w${'x'.repeat(i)}`).join(' ');
    expect(queryTokens(many).terms).toHaveLength(MAX_QUERY_TERMS);
  });

  it('have nothing to search in punctuation and emoji, and build no store query', () => {
    const none = queryTokens(' 😀 ，。!? "" ');
    expect(none).toEqual({ tokens: [], terms: [], mode: 'none' });
    expect(toFtsQuery(none)).toBeNull();
    expect(toTsQuery(none)).toBeNull();
  });

  it('neutralise FTS5 and tsquery operators', () => {
    const query = queryTokens(`"客户" OR NOT a* (b) -c ^d NEAR(e f) col:g & | ! <-> ' \\ 客户经理`);
    expect(toFtsQuery(query)).toBe(
      '"客户" AND "or" AND "not" AND "a" AND "b" AND "c" AND "d" AND "near" AND "e" AND "f" AND "col" AND "g" AND "客户 户经 经理"',
    );
    expect(toTsQuery(query)).toBe(
      "'客户' & 'or' & 'not' & 'a' & 'b' & 'c' & 'd' & 'near' & 'e' & 'f' & 'col' & 'g' & ('客户' <-> '户经' <-> '经理')",
    );
  });

  it('only ever produce quoted terms, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(pooled(30), fc.string({ maxLength: 30 })), (text) => {
        const query = queryTokens(text);
        const fts = toFtsQuery(query);
        if (fts !== null) expect(fts).toMatch(/^"[^"]+"(?: AND "[^"]+")*$/);
        const ts = toTsQuery(query);
        if (ts !== null)
          expect(ts).toMatch(
            /^(?:'[^']+'|\('[^']+'(?: <-> '[^']+')+\))(?: & (?:'[^']+'|\('[^']+'(?: <-> '[^']+')+\)))*$/,
          );
      }),
    );
  });
});

describe('matching', () => {
  it.each([
    ['明天和客户开会', '客户', true],
    ['明天和客户开会', '客', true],
    ['明天和客户开会', '户开', true],
    ['明天和客户开会', '客户经理', false],
    ['客户经理来了', '客户经理', true],
    ['客户，经理', '客户经理', false],
    ['客户来了，户经过这里，经理说好', '客户经理', false],
    ['经理和客户', '客户 经理', true],
    ['我的iPhone15报价单', 'iphone', true],
    ['我的iPhone15报价单', '报价', true],
    ['我的iPhone15报价单', 'phone', true],
    ['我的iPhone15报价单', 'iphone15', true],
    ['我的iPhone15报价单', 'iphone 16', false],
    ['我的iPhone15报价单', 'iphone16', false],
    ['2024Q3目标', 'Q3', true],
    ['2024Q3目标', '2024q', true],
    ['2024Q3目标', 'Q3 目标', true],
    ['Q 3 目标', 'Q3', false],
    ['3Q', 'Q3', false],
    ['Q3', 'q 3', true],
    ['iPhone15Pro', 'iphone15', true],
    ['iPhone15Pro', '15pro', true],
    ['iPhone15Pro', 'IPHONE15PRO', true],
    ['iPhone15 Pro', '15pro', false],
    ['iPhone16Pro iPhone15', 'iphone15pro', false],
    ['iPhone15', 'phone15', false],
    ['zm0123', 'zm0123', true],
    ['ＩＰＨＯＮＥ', 'iphone', true],
    ['カタカナ', 'ｶﾀ', true],
    ['Café au lait', 'CAFE\u0301', true],
    ['the customer', 'custom', false],
    ['', 'a', false],
    ['anything', '！？', false],
  ])('%j matches %j: %s', (text, query, expected) => {
    expect(matchesQuery(text, query)).toBe(expected);
  });

  it('finds every text by itself', () => {
    fc.assert(
      fc.property(pooled(40), (text) => {
        if (queryTokens(text).mode === 'all') expect(matchesQuery(text, text)).toBe(true);
      }),
    );
  });

  it('finds a text by any piece of one of its CJK runs', () => {
    fc.assert(
      fc.property(pooled(40), fc.nat(), fc.nat(), (text, a, b) => {
        const cjk = text.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+/gu) ?? [];
        const run = [...(cjk[a % Math.max(cjk.length, 1)] ?? '')];
        if (run.length === 0) return;
        const from = a % run.length;
        const piece = run.slice(from, from + 1 + (b % (run.length - from))).join('');
        expect(matchesQuery(text, piece)).toBe(true);
      }),
    );
  });
});

describe('highlighting', () => {
  it('marks each hit in the original text', () => {
    const text = '我的iPhone15报价单';
    const spans = highlight(text, 'iphone 报价');
    expect(spans).toEqual([
      { start: 2, end: 8 },
      { start: 10, end: 12 },
    ]);
    expect(texts(spans, text)).toEqual(['iPhone', '报价']);
  });

  it('maps hits back through normalisation and surrogate pairs', () => {
    expect(texts(highlight('買ＩＰｈｏｎｅ１５', 'iphone'), '買ＩＰｈｏｎｅ１５')).toEqual(['ＩＰｈｏｎｅ']);
    expect(texts(highlight('ｶﾀｶﾅ', 'タカ'), 'ｶﾀｶﾅ')).toEqual(['ﾀｶ']);
    expect(texts(highlight('cafe\u0301!', 'café'), 'cafe\u0301!')).toEqual(['cafe\u0301']);
    expect(highlight('𠀀𠀁x', '𠀁')).toEqual([{ start: 2, end: 4 }]);
  });

  it('marks touching runs a query found together', () => {
    expect(texts(highlight('2024Q3目标', 'q3'), '2024Q3目标')).toEqual(['Q3']);
    expect(texts(highlight('iPhone15Pro到了', 'iphone15pro'), 'iPhone15Pro到了')).toEqual(['iPhone15Pro']);
    expect(texts(highlight('ｑ３ and q 3', 'Q3'), 'ｑ３ and q 3')).toEqual(['ｑ３']);
  });

  it('marks the part of a word a query found', () => {
    expect(texts(highlight('new iPhone', 'phone'), 'new iPhone')).toEqual(['Phone']);
  });

  it('merges overlapping and touching hits', () => {
    expect(highlight('客户经理', '客户 户经')).toEqual([{ start: 0, end: 3 }]);
    expect(highlight('客户经理', '客 户')).toEqual([{ start: 0, end: 2 }]);
    expect(highlight('会会会', '会')).toEqual([{ start: 0, end: 3 }]);
  });

  it('marks nothing for a query with nothing to search', () => {
    expect(highlight('客户！', '！')).toEqual([]);
  });

  it('returns sorted, disjoint spans inside the text', () => {
    fc.assert(
      fc.property(pooled(40), pooled(8), (text, query) => {
        const spans = highlight(text, query);
        let last = -1;
        for (const span of spans) {
          expect(span.start).toBeGreaterThan(last);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          last = span.end;
        }
        if (matchesQuery(text, query)) expect(spans.length).toBeGreaterThan(0);
      }),
    );
  });
});
