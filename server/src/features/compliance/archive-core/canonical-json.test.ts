import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from './canonical-json.js';

describe('canonical JSON', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x', { z: 1, y: 2 }], c: {} })).toBe(
      '{"a":[true,null,"x",{"y":2,"z":1}],"b":1,"c":{}}',
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 §3.2.3 does', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('writes numbers and strings the way RFC 8785 does', () => {
    expect(canonicalJson([0, -0, 1e21, 1e-7, 0.000001, 333333333.3333333, -1.5, 9007199254740991])).toBe(
      '[0,0,1e+21,1e-7,0.000001,333333333.3333333,-1.5,9007199254740991]',
    );
    expect(canonicalJson('a"b\\c\n\u0007\u001f</script>客户😀é')).toBe('"a\\"b\\\\c\\n\\u0007\\u001f</script>客户😀é"');
  });

  it('encodes to UTF-8', () => {
    expect(canonicalJsonBytes({ 名: '客户' })).toEqual(Buffer.from('{"名":"客户"}', 'utf8'));
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  class Point {
    x = 1;
  }
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  it.each([
    ['undefined', undefined, /undefined has no JSON form/],
    ['an undefined property', { a: undefined }, /\.a: undefined/],
    ['an undefined array item', [1, undefined], /\[1\]: undefined/],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
    ['an array hole', [1, , 3], /holes/],
    ['NaN', { n: Number.NaN }, /NaN is not a JSON number/],
    ['Infinity', [Number.POSITIVE_INFINITY], /Infinity/],
    ['a bigint', 1n, /bigint/],
    ['a function', { f: () => 1 }, /function/],
    ['a symbol', Symbol('s'), /symbol/],
    ['a Date', new Date(0), /Date is not a plain object/],
    ['a Map', new Map(), /Map is not a plain object/],
    ['a Buffer', Buffer.from('x'), /not a plain object/],
    ['a class instance', new Point(), /Point is not a plain object/],
    ['a cycle', cyclic, /cycle/],
    ['a lone surrogate', 'a\ud800b', /lone surrogate/],
    ['a lone surrogate key', { '\udc00': 1 }, /lone surrogate/],
  ])('refuses %s', (_what, value, reason) => {
    expect(() => canonicalJson(value)).toThrow(reason);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  it('is stable: parsing and re-encoding gives the same text, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });
});
