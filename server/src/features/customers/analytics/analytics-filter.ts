/**
 * Checks the filters of an analytics report against the viewer's org: a real date range no
 * longer than two years, a known owner, department (widened to the departments below it) and
 * tag. Anything unknown is a 400 naming the field, never an empty report.
 */
import type { Ctx } from '../../../app/context.js';
import { descendantsOf, loadDepartmentTree } from '../../../authz/department-tree.js';
import { invalid } from '../../../platform/errors.js';
import { visibleTagIds } from '../queries.js';
import type { Viewer } from '../viewer.js';
import { addDays, dayBeginsAt, dayOf, dayStart, daysBetween, reportToday } from './time-buckets.js';

/** The longest range a report covers, in days. */
export const MAX_RANGE_DAYS = 731;
/** A period report without dates covers the last 30 days. */
const DEFAULT_DAYS = 30;

export type DayRange = { from: string; to: string };

export type AnalyticsFilter = {
  ownerId: string | null;
  /** The chosen department and every department below it; null for no department filter. */
  departmentIds: string[] | null;
  tagId: string | null;
};

type RangeInput = { from?: string | undefined; to?: string | undefined };
type FilterInput = { ownerId?: string | undefined; departmentId?: string | undefined; tagId?: string | undefined };

function checkedDay(field: 'from' | 'to', day: string | undefined): string | undefined {
  if (day === undefined) return undefined;
  const start = dayStart(day);
  if (Number.isNaN(start.getTime()) || dayOf(start) !== day) {
    throw invalid('That is not a calendar date', { field, reason: 'bad_date' });
  }
  return day;
}

function checkedSpan(from: string, to: string): DayRange {
  if (from > to) throw invalid('The range ends before it starts', { field: 'from', reason: 'bad_range' });
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
    throw invalid(`A report covers at most ${MAX_RANGE_DAYS} days`, {
      field: 'from',
      reason: 'range_too_long',
      maxDays: MAX_RANGE_DAYS,
    });
  }
  return { from, to };
}

/** An optional range (the funnel's creation dates): either end may be open. */
export function optionalRange(input: RangeInput): { from: string | null; to: string | null } {
  const from = checkedDay('from', input.from);
  const to = checkedDay('to', input.to);
  if (from && to) checkedSpan(from, to);
  return { from: from ?? null, to: to ?? null };
}

/** A period report's range; missing ends default to the last 30 days up to today (China time). */
export function periodRange(ctx: Pick<Ctx, 'clock'>, input: RangeInput): DayRange {
  const givenFrom = checkedDay('from', input.from);
  const givenTo = checkedDay('to', input.to);
  const to = givenTo ?? reportToday(ctx.clock.now());
  const from = givenFrom ?? addDays(to, -(DEFAULT_DAYS - 1));
  return checkedSpan(from, to);
}

/** The half-open ISO bounds of a day range, to compare with stored times. */
export function isoBounds(range: { from: string | null; to: string | null }): { since?: string; until?: string } {
  return {
    ...(range.from ? { since: dayBeginsAt(range.from) } : {}),
    ...(range.to ? { until: dayBeginsAt(addDays(range.to, 1)) } : {}),
  };
}

export async function checkedFilter(
  ctx: Pick<Ctx, 'db'>,
  viewer: Viewer,
  input: FilterInput,
  memberField: 'ownerId' | 'memberId' = 'ownerId',
): Promise<AnalyticsFilter> {
  const { db } = ctx;
  const orgId = viewer.orgId;
  if (input.ownerId) {
    const member = await db
      .selectFrom('members')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', input.ownerId)
      .where('kind', '=', 'staff')
      .executeTakeFirst();
    if (!member) throw invalid('There is no such member', { field: memberField, reason: 'unknown_member' });
  }
  let departmentIds: string[] | null = null;
  if (input.departmentId) {
    const tree = await loadDepartmentTree(db, orgId);
    if (!tree.parentOf.has(input.departmentId)) {
      throw invalid('There is no such department', { field: 'departmentId', reason: 'unknown_department' });
    }
    departmentIds = [...descendantsOf(tree, [input.departmentId])];
  }
  if (input.tagId) {
    const known = await visibleTagIds(db, orgId, viewer.memberId, [input.tagId]);
    if (!known.has(input.tagId)) throw invalid('There is no such tag', { field: 'tagId', reason: 'unknown_tag' });
  }
  return { ownerId: input.ownerId ?? null, departmentIds, tagId: input.tagId ?? null };
}
