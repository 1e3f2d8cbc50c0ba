/**
 * The product's calendar day: China time (UTC+8, no daylight saving), the day the companies
 * Concord serves work in. Reports, customer-group statistics and alert counts name days by it,
 * so "today" on a chart is the user's today rather than UTC's (which starts at 08:00 in China).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from './db/connect.js';

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;

/** The China-time date (YYYY-MM-DD) of an instant. */
export const chinaDayOf = (at: Date | string): string =>
  new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant (epoch ms) a China-time date begins; NaN for a malformed date. */
export const startOfChinaDay = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

export type CalendarPeriod = 'day' | 'week' | 'month';

/** The first date of the day, ISO week (from Monday) or month holding a date (YYYY-MM-DD). */
export function periodStartOf(day: string, period: CalendarPeriod): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const midnight = new Date(`${day}T00:00:00.000Z`);
  const sinceMonday = (midnight.getUTCDay() + 6) % 7;
  return new Date(midnight.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** The instant the China-time day, week or month holding `now` began. */
export const chinaPeriodStart = (now: Date, period: CalendarPeriod): Date =>
  new Date(startOfChinaDay(periodStartOf(chinaDayOf(now), period)));

/** SQL for the China-time date of a stored time (ISO-8601 UTC text), the same on both stores. */
export function chinaDaySql(dialect: Dialect, column: RawBuilder<unknown>): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`substr(datetime(${column}, '+8 hours'), 1, 10)`
    : sql<string>`to_char(${column}::timestamptz AT TIME ZONE ${sql.lit(CHINA_TIME_ZONE)}, 'YYYY-MM-DD')`;
}
