/**
 * First-response times per member in a period: the customer messages written to customers in the
 * viewer's data scope (deleted customers left out), each counted for the member who owned the
 * customer then, optionally one member or the members of a department and those below it.
 * Minutes are working minutes under the org's settings; overdue means answered after the target
 * or still waiting past it now. The distribution buckets answered messages by minutes taken.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { loadResponseSettings } from '../../response-time/index.js';
import { customerViewer } from '../viewer.js';
import { checkedFilter, isoBounds, periodRange } from './analytics-filter.js';
import {
  RESPONSE_BUCKETS,
  type ResponseBucket,
  type ResponseTimeInput,
  type ResponseTimeStatsOut,
} from './analytics-schemas.js';
import { scopedCustomerIds } from './scoped-customers.js';
import { REPORT_TIME_ZONE } from './time-buckets.js';

type Counts = ResponseTimeStatsOut['totals'];
type Tally = { messages: number; overdue: number; minutes: number[] };

/** The bucket of a first response taking `minutes` working minutes. */
export function bucketOfMinutes(minutes: number): ResponseBucket {
  if (minutes < 1) return 'lt1';
  if (minutes < 5) return '1to5';
  if (minutes < 10) return '5to10';
  if (minutes < 30) return '10to30';
  if (minutes < 60) return '30to60';
  return 'gt60';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Median (the mean of the middle two for an even count) and nearest-rank 90th percentile. */
export function medianAndP90(values: readonly number[]): { medianMinutes: number | null; p90Minutes: number | null } {
  if (values.length === 0) return { medianMinutes: null, p90Minutes: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid)
    ? ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
    : (sorted[Math.floor(mid)] ?? 0);
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] ?? 0;
  return { medianMinutes: round1(median), p90Minutes: round1(p90) };
}

const countsOf = (t: Tally): Counts => ({
  messages: t.messages,
  answered: t.minutes.length,
  ...medianAndP90(t.minutes),
  overdue: t.overdue,
});

export async function responseTimeReport(
  ctx: Ctx,
  actor: Actor,
  input: ResponseTimeInput,
): Promise<ResponseTimeStatsOut> {
  const viewer = await customerViewer(ctx, actor);
  const range = periodRange(ctx, input);
  const { ownerId, departmentIds } = await checkedFilter(ctx, viewer, {
    ownerId: input.ownerId,
    departmentId: input.departmentId,
  });
  const { since = '', until = '' } = isoBounds(range);
  const settings = await loadResponseSettings(ctx.db, viewer.orgId);
  const now = ctx.clock.now().toISOString();

  let query = ctx.db
    .selectFrom('response_waits as w')
    .innerJoin('members as o', (join) => join.onRef('o.id', '=', 'w.owner_id').onRef('o.org_id', '=', 'w.org_id'))
    .innerJoin('departments as d', (join) =>
      join.onRef('d.id', '=', 'o.primary_department_id').onRef('d.org_id', '=', 'o.org_id'),
    )
    .select([
      'w.owner_id',
      'w.answered_at',
      'w.working_seconds',
      'w.owner_due_at',
      'o.name as owner_name',
      'd.id as department_id',
      'd.name as department_name',
    ])
    .where('w.org_id', '=', viewer.orgId)
    .where('w.asked_at', '>=', since)
    .where('w.asked_at', '<', until)
    .where(
      'w.customer_id',
      'in',
      scopedCustomerIds(ctx.db, viewer, { ownerId: null, departmentIds: null, tagId: null }),
    );
  if (ownerId) query = query.where('w.owner_id', '=', ownerId);
  if (departmentIds) {
    query = query.where((eb) =>
      eb(
        'w.owner_id',
        'in',
        eb
          .selectFrom('member_departments as md')
          .select('md.member_id')
          .where('md.org_id', '=', viewer.orgId)
          .where('md.department_id', 'in', departmentIds),
      ),
    );
  }
  const rows = await query.execute();

  const members = new Map<string, { id: string; name: string; departmentId: string; departmentName: string } & Tally>();
  const totals: Tally = { messages: 0, overdue: 0, minutes: [] };
  const distribution = new Map<ResponseBucket, number>(RESPONSE_BUCKETS.map((b) => [b, 0]));
  for (const row of rows) {
    let member = members.get(row.owner_id);
    if (!member) {
      member = {
        id: row.owner_id,
        name: row.owner_name,
        departmentId: row.department_id,
        departmentName: row.department_name,
        messages: 0,
        overdue: 0,
        minutes: [],
      };
      members.set(row.owner_id, member);
    }
    const due = row.owner_due_at;
    const overdue = due !== null && (row.answered_at === null ? due <= now : row.answered_at > due);
    for (const t of [member, totals]) {
      t.messages += 1;
      if (overdue) t.overdue += 1;
    }
    if (row.answered_at !== null && row.working_seconds !== null) {
      const minutes = Number(row.working_seconds) / 60;
      member.minutes.push(minutes);
      totals.minutes.push(minutes);
      const bucket = bucketOfMinutes(minutes);
      distribution.set(bucket, (distribution.get(bucket) ?? 0) + 1);
    }
  }
  return {
    range,
    timeZone: REPORT_TIME_ZONE,
    workingTimeZone: settings.timeZone,
    targetMinutes: settings.targetMinutes,
    distribution: RESPONSE_BUCKETS.map((bucket) => ({ bucket, count: distribution.get(bucket) ?? 0 })),
    byMember: [...members.values()]
      .map(({ minutes, messages, overdue, ...m }) => ({ ...m, ...countsOf({ minutes, messages, overdue }) }))
      .sort((a, b) => b.messages - a.messages || a.name.localeCompare(b.name, 'zh-CN')),
    totals: countsOf(totals),
  };
}
