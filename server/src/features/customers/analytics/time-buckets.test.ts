import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, bucketOf, bucketStarts } from './time-buckets.js';

describe('report periods', () => {
  it('starts a week on Monday: Sunday 1 March 2026 belongs to the week of 23 February', () => {
    expect(bucketOf('2026-03-01', 'week')).toBe('2026-02-23');
    expect(bucketOf('2026-03-02', 'week')).toBe('2026-03-02');
    expect(bucketOf('2026-03-08', 'week')).toBe('2026-03-02');
    expect(bucketOf('2026-03-09', 'week')).toBe('2026-03-09');
  });

  it('lists every period of a range without gaps, across a year end', () => {
    expect(bucketStarts('2025-11-15', '2026-02-01', 'month')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(bucketStarts('2026-02-27', '2026-03-02', 'day')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(bucketStarts('2025-12-31', '2026-01-12', 'week')).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
  });

  it('puts every day of a range in exactly one listed period, a Monday or a 1st', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('day', 'week', 'month' as const),
        (from, span, interval) => {
          const to = addDays(from, span);
          const starts = bucketStarts(from, to, interval);
          for (let d = from; d <= to; d = addDays(d, 1)) expect(starts).toContain(bucketOf(d, interval));
          expect(new Set(starts).size).toBe(starts.length);
          for (const start of starts) {
            if (interval === 'week') expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
            if (interval === 'month') expect(start.endsWith('-01')).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
