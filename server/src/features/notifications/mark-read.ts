/** Marking one's own notifications read: chosen ones, or all. Others' ids are simply not matched. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { unreadCountOf } from './reads.js';

export async function markNotificationsRead(
  ctx: Ctx,
  actor: Actor,
  input: { ids: string[] } | { all: true },
): Promise<{ marked: number; unreadCount: number }> {
  let q = ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('org_id', '=', actor.orgId)
    .where('member_id', '=', actor.memberId)
    .where('read_at', 'is', null);
  if ('ids' in input) q = q.where('id', 'in', input.ids);
  const result = await q.executeTakeFirst();
  return {
    marked: Number(result.numUpdatedRows),
    unreadCount: await unreadCountOf(ctx.db, actor.orgId, actor.memberId),
  };
}
