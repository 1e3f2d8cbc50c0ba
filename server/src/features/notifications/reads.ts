/** A member's own notifications, newest first, and how many are unread. */
import type { NotificationData, NotificationItem, NotificationKind } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';

export type NotificationPage = { items: NotificationItem[]; nextBefore: string | null; unreadCount: number };

/** The page cursor: the last item's time and id, so equal times never skip or repeat a row. */
const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || extra !== undefined || Number.isNaN(Date.parse(createdAt))) {
    throw invalid('Not a cursor of this list', { field: 'before' });
  }
  return { createdAt, id };
}

export async function unreadCountOf(db: Kysely<Database>, orgId: string, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(
  ctx: Ctx,
  actor: Actor,
  query: { unread?: boolean | undefined; before?: string | undefined; limit?: number | undefined },
): Promise<NotificationPage> {
  const limit = query.limit ?? 20;
  let q = ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'data', 'link', 'created_at', 'read_at'])
    .where('org_id', '=', actor.orgId)
    .where('member_id', '=', actor.memberId);
  if (query.unread) q = q.where('read_at', 'is', null);
  if (query.before) {
    const c = decodeCursor(query.before);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', c.createdAt), eb.and([eb('created_at', '=', c.createdAt), eb('id', '<', c.id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      data: JSON.parse(r.data) as NotificationData,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    nextBefore: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    unreadCount: await unreadCountOf(ctx.db, actor.orgId, actor.memberId),
  };
}
