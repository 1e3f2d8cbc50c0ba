import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from './detectors.js';
import { compileLexicon } from './lexicon.js';
import { maskText } from './mask.js';
import { inspectText, maskInspection } from './message-inspector.js';

// Chat text around the plants: Chinese words and punctuation, no digits, no Latin letters.
const filler = fc
  .array(fc.constantFrom('好的', '明天', '开会', '，', '。', '客户', '报价', ' ', '！'), { maxLength: 8 })
  .map((a) => a.join(''));
const separator = fc.constantFrom('', ' ', '*', '.', '\u200b', '丶', '\u3000', '-');

describe('planted hits', () => {
  it('masks exactly a planted word however its characters are separated', () => {
    const m = compileLexicon([{ word: '私下转账', category: 'private_payment' }]);
    fc.assert(
      fc.property(filler, fc.array(separator, { minLength: 3, maxLength: 3 }), filler, (before, seps, after) => {
        const planted = ['私', '下', '转', '账'].map((c, i) => c + (seps[i] ?? '')).join('');
        const text = `${before}${planted}${after}`;
        const masked = `${before}${'*'.repeat(planted.length)}${after}`;
        expect(maskText(text, m.scanText(text))).toBe(masked);
      }),
    );
  });

  it('finds a planted mobile number in any 3-4-4 spelling, with its exact span', () => {
    const digits = fc.stringMatching(/^1[3-9]\d{9}$/);
    fc.assert(
      fc.property(filler, digits, separator, separator, filler, (before, number, s1, s2, after) => {
        const planted = `${number.slice(0, 3)}${s1}${number.slice(3, 7)}${s2}${number.slice(7)}`;
        const text = `${before}${planted}${after}`;
        const hits = detect(text, ['mobile']);
        expect(hits).toEqual([
          { kind: 'mobile', start: before.length, end: before.length + planted.length, value: number },
        ]);
      }),
    );
  });

  it('inspects a message with lexicons and detectors at once and masks the union', () => {
    const m = compileLexicon([{ word: '加我微信', category: 'poaching' }]);
    const text = '加 我 微 信：zhangsan88，或打13812345678';
    const inspection = inspectText(text, [m]);
    expect(inspection.lexicon.map((h) => h.word)).toEqual(['加我微信']);
    expect(inspection.detectors.map((h) => h.kind)).toEqual(['wechat_id', 'mobile']);
    expect(maskInspection(text, inspection, 'fixed')).toBe('***：***，或打***');
    expect(inspectText(text, [m], []).detectors).toEqual([]);
  });
});
