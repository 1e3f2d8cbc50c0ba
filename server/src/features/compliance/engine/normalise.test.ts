import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForDetectors, normalise } from './normalise.js';

describe('normalise', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['Hello World', 'helloworld'],
    ['加 我.微*信', '加我微信'],
    ['私下轉賬', '私下转账'],
    ['裡面的臺灣', '里面的台湾'],
    ['什么时候', '什么时候'],
    ['①②③', '123'],
    ['café', 'cafe'],
    ['😀加🙂我', '加我'],
    ['加\u200b\u200c\u200d\u2060\ufeff我', '加我'],
  ])('folds %s to %s', (text, folded) => {
    expect(normalise(text).text).toBe(folded);
  });

  it('points every folded unit at the original character it came from', () => {
    const n = normalise('a Ｂ,轉😀𝐯㎏');
    expect(n.text).toBe('ab转vkg');
    expect([...n.origin]).toEqual([0, 2, 4, 7, 9, 9]);
    expect(n.span(0, 2)).toEqual({ start: 0, end: 3 });
    expect(n.span(3, 4)).toEqual({ start: 7, end: 9 });
    expect(n.span(4, 5)).toEqual({ start: 9, end: 10 });
  });

  it('keeps separators, and reads 。 as a dot, in the detector view', () => {
    expect(foldForDetectors('ＱＱ。ＣＯＭ　a-b').text).toBe('qq.com a-b');
    expect(foldForDetectors('1\u200b3').text).toBe('13');
  });

  it('changes nothing when folding an already folded text, for every character of the BMP', () => {
    const all: string[] = [];
    for (let u = 0; u < 0x10000; u++) if (u < 0xd800 || u > 0xdfff) all.push(String.fromCharCode(u));
    for (const fold of [normalise, foldForDetectors]) {
      const once = fold(all.join('')).text;
      expect(fold(once).text).toBe(once);
    }
  });

  it('maps any text back to increasing original positions inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const n of [normalise(text), foldForDetectors(text)]) {
          let last = -1;
          for (let i = 0; i < n.length; i++) {
            const start = n.origin[i] as number;
            expect(start).toBeGreaterThanOrEqual(last);
            expect(n.endOf(i)).toBeLessThanOrEqual(text.length);
            last = start;
          }
          expect(normalise(n.text).text).toBe(normalise(text).text);
        }
      }),
    );
  });

  it('gives every call its own arrays', () => {
    const a = normalise('第一条消息');
    const b = normalise('另一条');
    expect(a.text).toBe('第一条消息');
    expect([...a.origin]).toEqual([0, 1, 2, 3, 4]);
    expect(b.text).toBe('另一条');
  });
});
