/**
 * Working time between two instants: the part of [from, to) that falls on a working weekday
 * between the day's start and end hour, as the wall clock of the org's time zone reads. Pure;
 * the zone's offsets come from Intl, so daylight-saving zones work as well as Asia/Shanghai.
 */

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type WorkingHours = {
  days: readonly Weekday[];
  /** Minutes after local midnight the working day starts and ends (end ≤ 1440, end > start). */
  startMinute: number;
  endMinute: number;
  timeZone: string;
};

const MINUTE_MS = 60_000;
/** A wait longer than this many calendar days is not followed further (ten years). */
const HORIZON_DAYS = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

type LocalDate = { y: number; m: number; d: number };

function wallClock(at: number, timeZone: string): LocalDate & { ms: number } {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + (at - Math.floor(at / 1000) * 1000);
  return { y: year, m: month, d: day, ms };
}

/** The zone's offset from UTC at an instant, in ms. */
const offsetAt = (at: number, timeZone: string): number => wallClock(at, timeZone).ms - at;

/** The instant the zone's wall clock shows `minute` minutes after midnight of the local date. */
function instantOf(date: LocalDate, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d) + minute * MINUTE_MS;
  const guess = wall - offsetAt(wall, timeZone);
  // A second pass settles guesses that crossed an offset change.
  return wall - offsetAt(guess, timeZone);
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.y, date.m - 1, date.d + 1));
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

const weekdayOf = (date: LocalDate): Weekday =>
  (((new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() + 6) % 7) + 1) as Weekday;

/** The working intervals [start, end) of each local day from the one holding `from`, in order. */
function* workingSpans(from: number, hours: WorkingHours): Generator<[number, number]> {
  const { y, m, d } = wallClock(from, hours.timeZone);
  let date: LocalDate = { y, m, d };
  for (let i = 0; i < HORIZON_DAYS; i++, date = nextDate(date)) {
    if (!hours.days.includes(weekdayOf(date))) continue;
    yield [instantOf(date, hours.startMinute, hours.timeZone), instantOf(date, hours.endMinute, hours.timeZone)];
  }
}

/** Working milliseconds in [from, to); 0 when `to` is not after `from`. */
export function workingMs(from: Date, to: Date, hours: WorkingHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  let total = 0;
  for (const [s, e] of workingSpans(a, hours)) {
    if (s >= b) break;
    const lo = Math.max(s, a);
    const hi = Math.min(e, b);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

/** The first instant by which `ms` of working time have passed since `from`; null if never. */
export function addWorkingMs(from: Date, ms: number, hours: WorkingHours): Date | null {
  const a = from.getTime();
  if (ms <= 0) return new Date(a);
  let left = ms;
  for (const [s, e] of workingSpans(a, hours)) {
    if (e <= a) continue;
    const lo = Math.max(s, a);
    if (left <= e - lo) return new Date(lo + left);
    left -= e - lo;
  }
  return null;
}
