import { describe, expect, it } from 'vitest';
import { archiveQuery, hasCriteria, highlightParts, searchParams } from './search-query';

describe('archive search helpers', () => {
  it('keeps only the filters that are set, with the period as instants', () => {
    const query = archiveQuery({
      q: '  客户 ',
      memberId: '',
      guestEmail: ' ',
      range: [new Date('2026-03-01T00:00:00Z'), null],
    });
    expect(query).toEqual({ q: '客户', from: '2026-03-01T00:00:00.000Z' });
    expect(hasCriteria(query)).toBe(true);
    expect(hasCriteria(archiveQuery({}))).toBe(false);
  });

  it('builds the export query string from the set values', () => {
    expect(searchParams({ format: 'csv', q: '客户', memberId: undefined })).toBe('format=csv&q=%E5%AE%A2%E6%88%B7');
  });

  it('splits text into highlighted and plain parts by the server’s spans', () => {
    expect(
      highlightParts('新款iPhone15报价', [
        { start: 2, end: 8 },
        { start: 10, end: 12 },
      ]),
    ).toEqual([
      { text: '新款', hit: false },
      { text: 'iPhone', hit: true },
      { text: '15', hit: false },
      { text: '报价', hit: true },
    ]);
  });

  it('survives overlapping, unsorted and out-of-range spans', () => {
    expect(
      highlightParts('客户经理', [
        { start: 2, end: 9 },
        { start: 0, end: 3 },
      ]),
    ).toEqual([{ text: '客户经理', hit: true }]);
    expect(highlightParts('', [])).toEqual([{ text: '', hit: false }]);
    expect(highlightParts('abc', [{ start: 2, end: 1 }])).toEqual([{ text: 'abc', hit: false }]);
  });
});
