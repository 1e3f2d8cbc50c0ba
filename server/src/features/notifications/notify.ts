/**
 * Delivering a notification: one row per member and dedupe key (a second delivery of the same
 * reminder finds it and does nothing), then `notification.created` on the bus so the member's
 * open consoles show it at once.
 */
import type { NotificationData, NotificationItem, NotificationKind } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';

export const NOTIFICATION_EVENT = 'notification.created';

export type NewNotification = {
  orgId: string;
  memberId: string;
  kind: NotificationKind;
  data: NotificationData;
  link: string | null;
  /** Same key, same notification: e.g. `follow_up:<id>`. */
  dedupeKey: string;
};

/** Stores the notification unless it exists; true when this call created it. */
export async function notify(ctx: Pick<Ctx, 'db' | 'bus' | 'clock' | 'ids'>, n: NewNotification): Promise<boolean> {
  const item: NotificationItem = {
    id: ctx.ids.next(),
    kind: n.kind,
    data: n.data,
    link: n.link,
    createdAt: ctx.clock.now().toISOString(),
    readAt: null,
  };
  const inserted = await ctx.db
    .insertInto('notifications')
    .values({
      id: item.id,
      org_id: n.orgId,
      member_id: n.memberId,
      kind: n.kind,
      data: JSON.stringify(n.data),
      link: n.link,
      dedupe_key: n.dedupeKey,
      created_at: item.createdAt,
      read_at: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'member_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  ctx.bus.emit({
    type: NOTIFICATION_EVENT,
    orgId: n.orgId,
    at: item.createdAt,
    actorId: null,
    data: { memberId: n.memberId, notification: item },
  });
  return true;
}
