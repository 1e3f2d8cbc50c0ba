/**
 * The sales funnel: for each stage of the pipeline, how many customers reached it — are in it
 * now or were moved into it before (from `customer_stage_moves`) — with the conversion from the
 * previous step and from the first. Lost stages stand beside the steps, rated against the first.
 * Two grouped queries, whatever the number of customers.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { listStages, type StageRow } from '../queries.js';
import { ensureCustomerSettings, type StageKind } from '../stages.js';
import { customerViewer } from '../viewer.js';
import { type AnalyticsFilter, checkedFilter, isoBounds, optionalRange } from './analytics-filter.js';
import type { FunnelInput, FunnelOut, FunnelStageOut } from './analytics-schemas.js';
import { scopedCustomers } from './scoped-customers.js';
import { REPORT_TIME_ZONE } from './time-buckets.js';

type StageCounts = { reached: Map<string, number>; current: Map<string, number>; customers: number };

/** A ratio to 4 decimals; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

async function countStages(
  ctx: Pick<Ctx, 'db'>,
  viewer: Parameters<typeof scopedCustomers>[1],
  filter: AnalyticsFilter,
  created: { since?: string; until?: string },
): Promise<StageCounts> {
  const base = () => scopedCustomers(ctx.db, viewer, filter, created);
  const current = await base()
    .select((eb) => ['customers.stage_id as stageId', eb.fn.countAll<string | number>().as('n')])
    .groupBy('customers.stage_id')
    .execute();
  // One row per customer and stage they ever stood in; UNION drops the repeats.
  const pairs = base()
    .select(['customers.id as customerId', 'customers.stage_id as stageId'])
    .where('customers.stage_id', 'is not', null)
    .union(
      ctx.db
        .selectFrom('customer_stage_moves as m')
        .select(['m.customer_id as customerId', 'm.to_stage_id as stageId'])
        .where('m.org_id', '=', viewer.orgId)
        .where('m.customer_id', 'in', base().select('customers.id')),
    );
  const reached = await ctx.db
    .selectFrom(pairs.as('p'))
    .select(['p.stageId', sql<string | number>`count(*)`.as('n')])
    .groupBy('p.stageId')
    .execute();
  const toMap = (rows: { stageId: string | null; n: string | number }[]) =>
    new Map(rows.filter((r) => r.stageId !== null).map((r) => [r.stageId as string, Number(r.n)]));
  return {
    reached: toMap(reached),
    current: toMap(current),
    customers: current.reduce((sum, r) => sum + Number(r.n), 0),
  };
}

/** Steps and lost stages from the pipeline and the counts (pure, for the presenter and tests). */
export function funnelStages(stages: readonly StageRow[], counts: Omit<StageCounts, 'customers'>) {
  const row = (s: StageRow) => ({
    stageId: s.id,
    name: s.name,
    kind: s.kind as StageKind,
    reached: counts.reached.get(s.id) ?? 0,
    current: counts.current.get(s.id) ?? 0,
  });
  const steps = stages.filter((s) => s.kind !== 'lost').map(row);
  const first = steps[0]?.reached ?? 0;
  const stepsOut: FunnelStageOut[] = steps.map((s, i) => ({
    ...s,
    fromPrevious: i === 0 ? null : rate(s.reached, steps[i - 1]?.reached ?? 0),
    fromFirst: rate(s.reached, first),
  }));
  const lost: FunnelStageOut[] = stages
    .filter((s) => s.kind === 'lost')
    .map(row)
    .map((s) => ({ ...s, fromPrevious: null, fromFirst: rate(s.reached, first) }));
  return { steps: stepsOut, lost };
}

export async function funnelReport(ctx: Ctx, actor: Actor, input: FunnelInput): Promise<FunnelOut> {
  const viewer = await customerViewer(ctx, actor);
  const range = optionalRange(input);
  const filter = await checkedFilter(ctx, viewer, input);
  await ensureCustomerSettings(ctx, actor.orgId);
  const [stages, counts] = await Promise.all([
    listStages(ctx.db, actor.orgId),
    countStages(ctx, viewer, filter, isoBounds(range)),
  ]);
  return { range, timeZone: REPORT_TIME_ZONE, customers: counts.customers, ...funnelStages(stages, counts) };
}
