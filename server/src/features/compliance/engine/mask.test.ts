import { describe, expect, it } from 'vitest';
import { maskText, mergeSpans } from './mask.js';

describe('masking', () => {
  it('masks the union of overlapping and touching spans once', () => {
    expect(
      mergeSpans([
        { start: 4, end: 6 },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
      ]),
    ).toEqual([{ start: 0, end: 6 }]);
    expect(
      maskText('abcdefgh', [
        { start: 1, end: 3 },
        { start: 2, end: 5 },
      ]),
    ).toBe('a****fgh');
    expect(
      maskText(
        'abcdefgh',
        [
          { start: 1, end: 3 },
          { start: 2, end: 5 },
        ],
        'fixed',
      ),
    ).toBe('a***fgh');
  });

  it('puts one star per character, an emoji included', () => {
    expect(maskText('加🙂我', [{ start: 0, end: 4 }])).toBe('***');
  });

  it('ignores empty spans and clips spans past the end', () => {
    expect(maskText('abc', [{ start: 1, end: 1 }])).toBe('abc');
    expect(maskText('abc', [{ start: 2, end: 9 }])).toBe('ab*');
  });
});
