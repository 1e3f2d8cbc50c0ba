import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutoffOf, daysOfPeriod, FOREVER, MAX_KEEP_DAYS, periodOfDays, periodProblem } from './period';

describe('retention periods', () => {
  it('shows a stored null as keep for ever, and saves for ever as null', () => {
    expect(periodOfDays(null)).toEqual(FOREVER);
    expect(daysOfPeriod(FOREVER)).toBeNull();
  });

  it('shows 1095 days as 3 years, 180 days as 6 months and 45 days as 45 days', () => {
    expect(periodOfDays(1095)).toEqual({ forever: false, amount: 3, unit: 'year' });
    expect(periodOfDays(180)).toEqual({ forever: false, amount: 6, unit: 'month' });
    expect(periodOfDays(45)).toEqual({ forever: false, amount: 45, unit: 'day' });
  });

  it('saves 3 years as 1095 days and 6 months as 180 days', () => {
    expect(daysOfPeriod({ forever: false, amount: 3, unit: 'year' })).toBe(1095);
    expect(daysOfPeriod({ forever: false, amount: 6, unit: 'month' })).toBe(180);
  });

  it('refuses an empty, zero or fractional amount and more than 100 years', () => {
    expect(periodProblem({ forever: false, amount: null, unit: 'year' })).toBe('amountRequired');
    expect(periodProblem({ forever: false, amount: 0, unit: 'day' })).toBe('amountRequired');
    expect(periodProblem({ forever: false, amount: 1.5, unit: 'year' })).toBe('amountRequired');
    expect(periodProblem({ forever: false, amount: 101, unit: 'year' })).toBe('tooLong');
    expect(periodProblem({ forever: false, amount: 100, unit: 'year' })).toBeNull();
    expect(periodProblem(FOREVER)).toBeNull();
    expect(() => daysOfPeriod({ forever: false, amount: null, unit: 'day' })).toThrow();
  });

  it('gives back the same number of days for every period the API accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_KEEP_DAYS }), (days) => {
        const period = periodOfDays(days);
        expect(periodProblem(period)).toBeNull();
        expect(daysOfPeriod(period)).toBe(days);
      }),
    );
  });

  it('purges content older than the period, and nothing when kept for ever', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(cutoffOf(30, now)?.toISOString()).toBe('2026-01-30T00:00:00.000Z');
    expect(cutoffOf(null, now)).toBeNull();
  });
});
