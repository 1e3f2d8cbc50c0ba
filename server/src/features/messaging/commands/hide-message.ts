/**
 * Delete for oneself: the message disappears from the actor's view only; no one else is told,
 * but `message.hidden` goes on the bus (to the archive, which keeps the deletion).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { requireVisibleMessage } from '../message-queries.js';

export async function hideMessage(ctx: Ctx, actor: Actor, messageId: string): Promise<void> {
  const { message } = await requireVisibleMessage(ctx.db, actor, messageId);
  const inserted = await ctx.db
    .insertInto('message_hides')
    .values({ org_id: actor.orgId, message_id: messageId, member_id: actor.memberId })
    .onConflict((oc) => oc.columns(['message_id', 'member_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
  ctx.bus.emit({
    type: 'message.hidden',
    orgId: actor.orgId,
    at: ctx.clock.now().toISOString(),
    actorId: actor.memberId,
    data: { conversationId: message.conversation_id, messageId, memberId: actor.memberId },
  });
}
