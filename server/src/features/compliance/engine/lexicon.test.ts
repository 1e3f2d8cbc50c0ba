import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon, type LexiconEntry } from './lexicon.js';
import { normalise } from './normalise.js';

describe('compiled lexicon', () => {
  it('reports every overlapping hit with its category and rule, in the words as listed', () => {
    const m = compileLexicon([
      { word: '加我微信', category: 'poaching', ruleId: 'r1' },
      { word: '微信', category: 'custom' },
      { word: '私下轉賬', category: 'private_payment', ruleId: 'r2' },
    ]);
    expect(m.scanText('加我微信，私下转账')).toEqual([
      { start: 0, end: 4, word: '加我微信', category: 'poaching', ruleId: 'r1' },
      { start: 2, end: 4, word: '微信', category: 'custom', ruleId: null },
      { start: 5, end: 9, word: '私下轉賬', category: 'private_payment', ruleId: 'r2' },
    ]);
  });

  it('compiles the written forms of one word to one key, keeping each category', () => {
    const m = compileLexicon([
      { word: '私下转账', category: 'private_payment' },
      { word: '私下轉賬', category: 'private_payment' },
      { word: '私下 转账', category: 'custom' },
      { word: '！！', category: 'custom' },
    ]);
    expect(m.size).toBe(2);
    expect(m.scanText('私下转账').map((h) => [h.word, h.category])).toEqual([
      ['私下 转账', 'custom'],
      ['私下转账', 'private_payment'],
    ]);
  });

  it('answers whether a text holds any word', () => {
    const m = compileLexicon([{ word: '稳赚不赔', category: 'false_promise' }]);
    expect(m.test('这个项目稳 赚 不 赔')).toBe(true);
    expect(m.test('稳赚，但会赔')).toBe(false);
  });

  it('finds the same hits folding and scanning in one pass as over a normalised text', () => {
    const piece = fc.constantFrom(
      '加',
      '我',
      '微',
      '信',
      'v',
      'x',
      'V',
      'Ｘ',
      '1',
      ' ',
      '*',
      '\u200b',
      '轉',
      '賬',
      '转',
      '账',
      '🙂',
      '㎏',
      'k',
      'g',
      'é',
    );
    const word = fc.array(piece, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const entries = fc
      .array(word, { minLength: 1, maxLength: 12 })
      .map((words) => words.map((w): LexiconEntry => ({ word: w, category: 'custom' })));
    fc.assert(
      fc.property(entries, fc.array(piece, { maxLength: 60 }), (list, chars) => {
        const m = compileLexicon(list);
        const text = chars.join('');
        expect(m.scanText(text)).toEqual(m.scan(normalise(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('is frozen: a compiled matcher cannot be changed', () => {
    const m = compileLexicon([{ word: '傻逼', category: 'insult' }]);
    expect(Object.isFrozen(m)).toBe(true);
  });
});
