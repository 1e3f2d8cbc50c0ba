/**
 * A customer group's daily statistics in China time (UTC+8): people who joined and left, members
 * who spoke, and messages. Joins and leaves come from the conversation's event log, the rest
 * from its messages (system messages such as welcomes and auto-replies are not activity).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { chinaDayOf, chinaDaySql, startOfChinaDay } from '../../platform/china-time.js';
import { invalid } from '../../platform/errors.js';
import { visibleCustomerGroup } from './group-access.js';

const DAY_MS = 86_400_000;
export const STATS_MAX_DAYS = 92;

export type GroupDay = { day: string; joins: number; leaves: number; activeMembers: number; messages: number };

function range(now: Date, from?: string, to?: string): { days: string[]; start: string; end: string } {
  const last = to ?? chinaDayOf(now);
  const first = from ?? chinaDayOf(new Date(startOfChinaDay(last) - 29 * DAY_MS));
  const startMs = startOfChinaDay(first);
  const endMs = startOfChinaDay(last) + DAY_MS;
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) throw invalid('Days are YYYY-MM-DD', { field: 'from' });
  const count = Math.round((endMs - startMs) / DAY_MS);
  if (count < 1) throw invalid('`from` must not be after `to`', { field: 'from', reason: 'after_to' });
  if (count > STATS_MAX_DAYS) {
    throw invalid(`At most ${STATS_MAX_DAYS} days at a time`, { field: 'to', reason: 'too_long' });
  }
  const days = Array.from({ length: count }, (_, i) => chinaDayOf(new Date(startMs + i * DAY_MS)));
  return { days, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
}

export async function customerGroupStats(
  ctx: Ctx,
  actor: Actor,
  id: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<{ days: GroupDay[]; totals: { joins: number; leaves: number; messages: number } }> {
  await visibleCustomerGroup(ctx, actor, id);
  const { days, start, end } = range(ctx.clock.now(), query.from, query.to);
  const byDay = new Map(days.map((day) => [day, { day, joins: 0, leaves: 0, activeMembers: 0, messages: 0 }]));

  const membership = await ctx.db
    .selectFrom('conversation_events')
    .select(['type', 'payload', 'created_at'])
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', id)
    .where('type', 'in', ['conversation.member_added', 'conversation.member_removed'])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .execute();
  for (const e of membership) {
    const entry = byDay.get(chinaDayOf(e.created_at));
    if (!entry) continue;
    const ids = (JSON.parse(e.payload) as { memberIds?: unknown }).memberIds;
    const n = Array.isArray(ids) ? ids.length : 1;
    if (e.type === 'conversation.member_added') entry.joins += n;
    else entry.leaves += n;
  }

  const day = chinaDaySql(ctx.dialect, sql`created_at`);
  const activity = await ctx.db
    .selectFrom('messages')
    .select((eb) => [
      day.as('day'),
      eb.fn.countAll<string | number>().as('messages'),
      eb.fn.count<string | number>('sender_id').distinct().as('speakers'),
    ])
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', id)
    .where('sender_id', 'is not', null)
    .where('kind', '!=', 'system')
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy(day)
    .execute();
  for (const a of activity) {
    const entry = byDay.get(a.day);
    if (!entry) continue;
    entry.messages = Number(a.messages);
    entry.activeMembers = Number(a.speakers);
  }
  const list = [...byDay.values()];
  return {
    days: list,
    totals: {
      joins: list.reduce((s, d) => s + d.joins, 0),
      leaves: list.reduce((s, d) => s + d.leaves, 0),
      messages: list.reduce((s, d) => s + d.messages, 0),
    },
  };
}
