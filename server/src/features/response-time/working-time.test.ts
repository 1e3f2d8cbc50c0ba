import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingMs, isTimeZone, type Weekday, type WorkingHours, workingMs } from './working-time.js';

const OFFICE: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
  timeZone: 'Asia/Shanghai',
};
const MIN = 60_000;
const minutes = (from: string, to: string, hours = OFFICE) => workingMs(new Date(from), new Date(to), hours) / MIN;

describe('working time in Shanghai, Monday to Friday 09:00–18:00', () => {
  // Monday 2 March 2026; Shanghai is UTC+8, so 09:00 there is 01:00Z.
  it('counts a wait inside working hours minute for minute', () => {
    expect(minutes('2026-03-02T02:00:00Z', '2026-03-02T02:07:00Z')).toBe(7);
  });

  it('counts only the working minutes of a Friday-evening message answered on Monday morning', () => {
    // Friday 17:55 → Monday 09:05 (Shanghai).
    expect(minutes('2026-03-06T09:55:00Z', '2026-03-09T01:05:00Z')).toBe(10);
  });

  it('counts nothing for a weekend wait', () => {
    expect(minutes('2026-03-07T04:00:00Z', '2026-03-08T12:00:00Z')).toBe(0);
  });

  it('starts counting at 09:00 for a message sent before hours and stops at 18:00', () => {
    expect(minutes('2026-03-01T23:00:00Z', '2026-03-02T01:30:00Z')).toBe(30);
    expect(minutes('2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z')).toBe(60);
  });

  it('counts nine hours for each whole working day and nothing for a reversed range', () => {
    expect(minutes('2026-03-01T16:00:00Z', '2026-03-08T16:00:00Z')).toBe(5 * 9 * 60);
    expect(minutes('2026-03-02T03:00:00Z', '2026-03-02T02:00:00Z')).toBe(0);
  });

  it('finds when a target is reached, skipping the night and the weekend', () => {
    expect(addWorkingMs(new Date('2026-03-06T09:55:00Z'), 10 * MIN, OFFICE)?.toISOString()).toBe(
      '2026-03-09T01:05:00.000Z',
    );
    expect(addWorkingMs(new Date('2026-03-02T02:00:00Z'), 10 * MIN, OFFICE)?.toISOString()).toBe(
      '2026-03-02T02:10:00.000Z',
    );
    expect(addWorkingMs(new Date('2026-03-02T02:00:00Z'), 0, OFFICE)?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('follows daylight saving time in a zone that has it', () => {
    const always: WorkingHours = {
      days: [1, 2, 3, 4, 5, 6, 7],
      startMinute: 0,
      endMinute: 1440,
      timeZone: 'America/New_York',
    };
    // Sunday 8 March 2026 in New York has 23 hours.
    expect(minutes('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', always)).toBe(23 * 60);
    const nineToSix = { ...always, startMinute: 9 * 60, endMinute: 18 * 60 };
    // Monday 9 March, 09:00 EDT is 13:00Z.
    expect(minutes('2026-03-09T12:00:00Z', '2026-03-09T14:00:00Z', nineToSix)).toBe(60);
  });

  it('knows real time zones from made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin'];
const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN = 60 * 24 * 3600_000;

const hoursArb = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    a: fc.integer({ min: 0, max: 1440 }),
    b: fc.integer({ min: 0, max: 1440 }),
    timeZone: fc.constantFrom(...ZONES),
  })
  .filter((h) => Math.abs(h.a - h.b) >= 30)
  .map(
    (h): WorkingHours => ({
      days: h.days as Weekday[],
      startMinute: Math.min(h.a, h.b),
      endMinute: Math.max(h.a, h.b),
      timeZone: h.timeZone,
    }),
  );
const instant = fc.integer({ min: START, max: START + SPAN }).map((t) => new Date(t));

describe('working time properties', () => {
  it('never exceeds the elapsed time and grows with the end of the range', () => {
    fc.assert(
      fc.property(hoursArb, instant, instant, instant, (hours, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ab = workingMs(a, b, hours);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(b.getTime() - a.getTime());
        expect(workingMs(a, c, hours)).toBeGreaterThanOrEqual(ab);
      }),
    );
  });

  it('adds up over consecutive ranges', () => {
    fc.assert(
      fc.property(hoursArb, instant, instant, instant, (hours, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(workingMs(a, c, hours)).toBe(workingMs(a, b, hours) + workingMs(b, c, hours));
      }),
    );
  });

  it('is zero on days off and outside the hours', () => {
    const office = { ...OFFICE, timeZone: 'UTC' };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 9 * 60 }), (week, len) => {
        // Saturday 3 January 2026 00:00 UTC plus whole weeks: the weekend, then Monday's early hours.
        const saturday = Date.parse('2026-01-03T00:00:00Z') + week * 7 * 86_400_000;
        expect(workingMs(new Date(saturday), new Date(saturday + 2 * 86_400_000 + len * MIN), office)).toBe(0);
        const evening = saturday - 6 * 3600_000; // Friday 18:00
        expect(workingMs(new Date(evening), new Date(evening + 6 * 3600_000), office)).toBe(0);
      }),
    );
  });

  it('reaches a target exactly when that much working time has passed', () => {
    fc.assert(
      fc.property(hoursArb, instant, fc.integer({ min: 1, max: 3 * 24 * 60 }), (hours, from, target) => {
        const at = addWorkingMs(from, target * MIN, hours);
        expect(at).not.toBeNull();
        if (!at) return;
        expect(workingMs(from, at, hours)).toBe(target * MIN);
        expect(workingMs(from, new Date(at.getTime() - 1), hours)).toBeLessThan(target * MIN);
      }),
    );
  });
});
