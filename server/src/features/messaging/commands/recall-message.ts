/**
 * Recalling a message: the sender within the recall window, or a group owner/admin at any time
 * (audited). Readers then see it without its text; the row and event log keep the original.
 */
import { MESSAGING_LIMITS } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { isGroupManager } from '../membership.js';
import { presentMessage } from '../message-presenter.js';
import { findMessageView, requireVisibleMessage } from '../message-queries.js';
import type { MessageOut } from '../message-schemas.js';

export async function recallMessage(ctx: Ctx, actor: Actor, messageId: string): Promise<MessageOut> {
  const { message, conversation, membership } = await requireVisibleMessage(ctx.db, actor, messageId);
  // Recalling twice (a retried request) answers with the recalled message.
  if (message.recalled_at) return presentMessage(message);
  if (conversation.status !== 'active') throw conflict('This group has been dissolved');

  const now = ctx.clock.now();
  const isSender = message.sender_id === actor.memberId;
  const withinWindow = (now.getTime() - Date.parse(message.created_at)) / 1000 <= MESSAGING_LIMITS.recallWindowSeconds;
  const bySenderInWindow = isSender && withinWindow;
  if (!bySenderInWindow && !isGroupManager(membership.role)) {
    if (isSender) {
      throw conflict(
        `A message can only be recalled within ${MESSAGING_LIMITS.recallWindowSeconds / 60} minutes of sending`,
        { windowSeconds: MESSAGING_LIMITS.recallWindowSeconds },
      );
    }
    throw forbidden('Only the sender, or the group owner and admins, can recall a message');
  }

  const recalledAt = now.toISOString();
  const event = await ctx.db.transaction().execute(async (tx) => {
    const appended = await appendConversationEvent(ctx, tx, {
      orgId: actor.orgId,
      conversationId: message.conversation_id,
      type: 'message.recalled',
      actorId: actor.memberId,
      messageId,
      payload: { messageId, recalledAt },
    });
    const updated = await tx
      .updateTable('messages')
      .set({ recalled_at: recalledAt })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', messageId)
      .where('recalled_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict('This message was already recalled');
    if (!bySenderInWindow) {
      await recordAudit(ctx, tx, {
        orgId: actor.orgId,
        who: actor,
        action: 'message.recalled',
        target: { type: 'message', id: messageId, label: conversation.name },
        before: { conversationId: message.conversation_id, seq: message.seq, senderId: message.sender_id },
      });
    }
    return appended;
  });
  publishEvents(ctx, [event]);
  const fresh = await findMessageView(ctx.db, actor.orgId, messageId);
  return presentMessage(fresh ?? { ...message, recalled_at: recalledAt });
}
