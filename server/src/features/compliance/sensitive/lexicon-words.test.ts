import { SENSITIVE_CATEGORIES, SENSITIVE_DETECTORS } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { DETECTOR_KINDS, LEXICON_CATEGORIES } from '../engine/index.js';
import { cleanLexiconWords } from './lexicon-words.js';

describe('cleaning lexicon words', () => {
  it('trims words and keeps the first spelling of words that match the same text', () => {
    expect(cleanLexiconWords([' 加我微信 ', '加我微信', 'VX', 'vx', 'ＶＸ', '私下转账'])).toEqual({
      words: ['加我微信', 'VX', '私下转账'],
      duplicates: 3,
    });
  });

  it('names the position of an empty, multi-line, over-long or punctuation-only word', () => {
    const refusal = (words: string[]) => {
      try {
        cleanLexiconWords(words);
      } catch (err) {
        return { code: (err as { code: string }).code, details: (err as { details: unknown }).details };
      }
      return null;
    };
    expect(refusal(['好', ' '])).toEqual({ code: 'invalid', details: { field: 'words', index: 1 } });
    expect(refusal(['甲\n乙'])).toMatchObject({ code: 'invalid', details: { index: 0 } });
    expect(refusal(['好', '长'.repeat(51)])).toEqual({
      code: 'invalid',
      details: { field: 'words', index: 1, max: 50, length: 51 },
    });
    expect(refusal(['长'.repeat(50)])).toBeNull();
    expect(refusal(['!!!'])).toMatchObject({ code: 'invalid', details: { index: 0, word: '!!!' } });
  });

  it('allows 10,000 different words and refuses one more, counting after de-duplication', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `词${i}`);
    expect(cleanLexiconWords([...words, '词0', '词1']).words).toHaveLength(10_000);
    expect(() => cleanLexiconWords([...words, '又一个'])).toThrow(/at most 10000/);
  });
});

describe('shared values', () => {
  it('lists the same categories and detectors as the engine', () => {
    expect([...SENSITIVE_CATEGORIES]).toEqual([...LEXICON_CATEGORIES]);
    expect([...SENSITIVE_DETECTORS]).toEqual([...DETECTOR_KINDS]);
  });
});
