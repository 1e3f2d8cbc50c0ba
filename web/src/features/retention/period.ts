/**
 * Retention periods as people think of them (3 years, 6 months, 90 days, for ever) and as the API
 * stores them (a number of days, null = for ever). A year counts 365 days and a month 30, the
 * same arithmetic the purge uses, so what the form shows is what the purge does.
 */

export const PERIOD_UNITS = ['year', 'month', 'day'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export type Period = { forever: true } | { forever: false; amount: number | null; unit: PeriodUnit };

const DAYS_PER: Record<PeriodUnit, number> = { year: 365, month: 30, day: 1 };

/** The longest period the API accepts (100 years). */
export const MAX_KEEP_DAYS = 36_500;

export const FOREVER: Period = { forever: true };

/** The period the form shows for a stored number of days: whole years, else whole months, else days. */
export function periodOfDays(days: number | null): Period {
  if (days === null) return FOREVER;
  const unit = PERIOD_UNITS.find((u) => days % DAYS_PER[u] === 0) ?? 'day';
  return { forever: false, amount: days / DAYS_PER[unit], unit };
}

export type PeriodProblem = 'amountRequired' | 'tooLong';

/** What is wrong with a period the user typed, or null when it can be saved. */
export function periodProblem(period: Period | undefined): PeriodProblem | null {
  if (!period || period.forever) return null;
  if (period.amount === null || !Number.isInteger(period.amount) || period.amount < 1) return 'amountRequired';
  return period.amount * DAYS_PER[period.unit] > MAX_KEEP_DAYS ? 'tooLong' : null;
}

/** The number of days to store (null = for ever); throws on a period `periodProblem` refuses. */
export function daysOfPeriod(period: Period): number | null {
  if (period.forever) return null;
  const problem = periodProblem(period);
  if (problem || period.amount === null) throw new Error(`Invalid retention period: ${problem}`);
  return period.amount * DAYS_PER[period.unit];
}

/** The instant before which content is purged under a period, or null when it is kept for ever. */
export function cutoffOf(days: number | null, now: Date): Date | null {
  return days === null ? null : new Date(now.getTime() - days * 86_400_000);
}
