/** A member confirms having read the current group announcement; confirming again changes nothing. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict } from '../../../platform/errors.js';
import { requireMembership } from '../membership.js';
import { isUniqueViolation } from './store-message.js';

/** Returns the announcement time confirmed. */
export async function confirmAnnouncement(ctx: Ctx, actor: Actor, conversationId: string): Promise<string> {
  const { conversation } = await requireMembership(ctx.db, actor, conversationId);
  const at = conversation.announcement_at;
  if (!conversation.announcement || !at) throw conflict('This conversation has no announcement to confirm');
  const now = ctx.clock.now().toISOString();
  const existing = await ctx.db
    .selectFrom('announcement_confirmations')
    .select('confirmed_at')
    .where('conversation_id', '=', conversationId)
    .where('announcement_at', '=', at)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (existing) return at;
  try {
    await ctx.db
      .insertInto('announcement_confirmations')
      .values({
        org_id: actor.orgId,
        conversation_id: conversationId,
        announcement_at: at,
        member_id: actor.memberId,
        confirmed_at: now,
      })
      .execute();
  } catch (err) {
    // A double click raced past the check; the first confirmation stands.
    if (!isUniqueViolation(err)) throw err;
    return at;
  }
  ctx.bus.emit({
    type: 'announcement.confirmed',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { conversationId, memberId: actor.memberId, announcementAt: at },
  });
  return at;
}
