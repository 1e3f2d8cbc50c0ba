/**
 * Periods of the analytics reports, in China time (the product's calendar day): a day runs from
 * 00:00 to 24:00 Beijing time, a week from Monday (ISO), a month from the 1st. A bucket is named
 * by the date it starts on, so the first week of a range may start before the range does.
 * Dates are plain calendar dates; `dayStart` and `addDays` do arithmetic on them, and only
 * `rangeStartsAt` and `bucketSql` tie a date to instants.
 */
import { type RawBuilder, sql } from 'kysely';
import {
  CHINA_TIME_ZONE,
  chinaDayOf,
  chinaDaySql,
  periodStartOf,
  startOfChinaDay,
} from '../../../platform/china-time.js';
import type { Dialect } from '../../../platform/db/connect.js';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The time zone the reports count days in. */
export const REPORT_TIME_ZONE = CHINA_TIME_ZONE;

const DAY_MS = 86_400_000;

/** A calendar date (YYYY-MM-DD) as its UTC midnight, for date arithmetic. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** The date back from `dayStart`. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Today's date where the reports count days. */
export const reportToday = (now: Date): string => chinaDayOf(now);

/** The instant (ISO-8601 UTC) a report date begins, to compare with stored times. */
export const dayBeginsAt = (day: string): string => new Date(startOfChinaDay(day)).toISOString();

/** The date `days` after `day`. */
export const addDays = (day: string, days: number): string => dayOf(new Date(dayStart(day).getTime() + days * DAY_MS));

/** Whole days from `from` to `to` (0 when equal). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS);

/** The first day of the bucket holding `day`. */
export const bucketOf = (day: string, interval: Interval): string => periodStartOf(day, interval);

/** Every bucket from the one holding `from` to the one holding `to`, so a chart has no gaps. */
export function bucketStarts(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  const last = bucketOf(to, interval);
  for (let cur = bucketOf(from, interval); cur <= last; ) {
    out.push(cur);
    if (interval === 'day') cur = addDays(cur, 1);
    else if (interval === 'week') cur = addDays(cur, 7);
    else {
      const [y, m] = cur.split('-').map(Number) as [number, number];
      cur = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

/**
 * The SQL for the bucket of a stored time (ISO-8601 UTC text), the same on both stores as
 * `bucketOf` of its China-time date. Week starts are computed on dates alone.
 */
export function bucketSql(dialect: Dialect, column: RawBuilder<unknown>, interval: Interval): RawBuilder<string> {
  const day = chinaDaySql(dialect, column);
  if (interval === 'day') return day;
  if (interval === 'month') return sql<string>`(substr(${day}, 1, 7) || '-01')`;
  return dialect === 'sqlite'
    ? sql<string>`date(${day}, 'weekday 0', '-6 days')`
    : sql<string>`to_char(${day}::date - (extract(isodow from ${day}::date)::int - 1), 'YYYY-MM-DD')`;
}
