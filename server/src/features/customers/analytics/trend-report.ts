/**
 * New and lost customers per day, week or month. New: created in the period; lost: moved into a
 * stage of kind `lost` in the period (a customer lost twice in one period counts once). Deleted
 * customers count in neither. Periods with nothing show as zero.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { customerViewer } from '../viewer.js';
import { checkedFilter, isoBounds, periodRange } from './analytics-filter.js';
import type { TrendInput, TrendOut } from './analytics-schemas.js';
import { scopedCustomerIds, scopedCustomers } from './scoped-customers.js';
import { bucketSql, bucketStarts, REPORT_TIME_ZONE } from './time-buckets.js';

export async function trendReport(ctx: Ctx, actor: Actor, input: TrendInput): Promise<TrendOut> {
  const viewer = await customerViewer(ctx, actor);
  const range = periodRange(ctx, input);
  const interval = input.interval ?? 'day';
  const filter = await checkedFilter(ctx, viewer, input);
  const { since = '', until = '' } = isoBounds(range);

  const createdBucket = bucketSql(ctx.dialect, sql`customers.created_at`, interval);
  const created = await scopedCustomers(ctx.db, viewer, filter, { since, until })
    .select((eb) => [createdBucket.as('bucket'), eb.fn.countAll<string | number>().as('n')])
    .groupBy(createdBucket)
    .execute();

  const movedBucket = bucketSql(ctx.dialect, sql`m.at`, interval);
  const lost = await ctx.db
    .selectFrom('customer_stage_moves as m')
    .innerJoin('customer_stages as s', (join) =>
      join.onRef('s.id', '=', 'm.to_stage_id').onRef('s.org_id', '=', 'm.org_id'),
    )
    .select([movedBucket.as('bucket'), sql<string | number>`count(distinct m.customer_id)`.as('n')])
    .where('m.org_id', '=', viewer.orgId)
    .where('s.kind', '=', 'lost')
    .where('m.at', '>=', since)
    .where('m.at', '<', until)
    .where('m.customer_id', 'in', scopedCustomerIds(ctx.db, viewer, filter))
    .groupBy(movedBucket)
    .execute();

  const byBucket = (rows: { bucket: string; n: string | number }[]) =>
    new Map(rows.map((r) => [r.bucket, Number(r.n)]));
  const news = byBucket(created);
  const losts = byBucket(lost);
  const buckets = bucketStarts(range.from, range.to, interval).map((start) => ({
    start,
    new: news.get(start) ?? 0,
    lost: losts.get(start) ?? 0,
  }));
  return {
    range,
    timeZone: REPORT_TIME_ZONE,
    interval,
    buckets,
    totals: {
      new: buckets.reduce((sum, b) => sum + b.new, 0),
      lost: buckets.reduce((sum, b) => sum + b.lost, 0),
    },
  };
}
