/** Editing one's own text message within the edit window; the previous text stays in the event log. */
import { MESSAGING_LIMITS } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { enforceHarassmentRules } from '../harassment-check.js';
import { requireMembership } from '../membership.js';
import { presentMessage } from '../message-presenter.js';
import { findMessageView, requireVisibleMessage } from '../message-queries.js';
import type { EditMessageInput, MessageOut } from '../message-schemas.js';
import { checkOutgoingText } from '../outgoing-checks.js';
import { cleanBody } from './send-message.js';

export async function editMessage(
  ctx: Ctx,
  actor: Actor,
  messageId: string,
  input: EditMessageInput,
): Promise<MessageOut> {
  const { message, conversation } = await requireVisibleMessage(ctx.db, actor, messageId);
  if (message.sender_id !== actor.memberId) throw forbidden('Only the sender can edit a message');
  if (message.recalled_at) throw conflict('This message was recalled and can no longer be edited');
  if (conversation.status !== 'active') throw conflict('This group has been dissolved');
  const now = ctx.clock.now();
  const ageSeconds = (now.getTime() - Date.parse(message.created_at)) / 1000;
  if (ageSeconds > MESSAGING_LIMITS.editWindowSeconds) {
    throw conflict(
      `A message can only be edited within ${MESSAGING_LIMITS.editWindowSeconds / 3600} hours of sending`,
      { windowSeconds: MESSAGING_LIMITS.editWindowSeconds },
    );
  }
  const body = cleanBody(input.body);
  if (body === message.body) return presentMessage(message);
  // An edit must not slip past the group's rules (links, keywords) that the send obeyed.
  const { membership } = await requireMembership(ctx.db, actor, message.conversation_id);
  await enforceHarassmentRules(ctx, actor, conversation, membership.role, body);
  const checked = await checkOutgoingText(ctx, { actor, conversation, body, source: 'edit', messageId });
  const shown = checked.body;

  const editedAt = now.toISOString();
  const event = await ctx.db.transaction().execute(async (tx) => {
    const appended = await appendConversationEvent(ctx, tx, {
      orgId: actor.orgId,
      conversationId: message.conversation_id,
      type: 'message.edited',
      actorId: actor.memberId,
      messageId,
      // previousBody keeps the earlier text for the compliance archive.
      payload: { messageId, body: shown, editedAt, previousBody: message.body },
    });
    const updated = await tx
      .updateTable('messages')
      .set({ body: shown, original_body: checked.originalBody, edited_at: editedAt })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', messageId)
      .where('recalled_at', 'is', null)
      .executeTakeFirst();
    // A recall that committed in between wins; the transaction (and its event) rolls back.
    if (Number(updated.numUpdatedRows) === 0) throw conflict('This message was recalled and can no longer be edited');
    await checked.stored(tx, { id: messageId, seq: message.seq });
    return appended;
  });
  publishEvents(ctx, [event]);
  checked.committed();
  const fresh = await findMessageView(ctx.db, actor.orgId, messageId);
  return presentMessage(fresh ?? { ...message, body: shown, edited_at: editedAt });
}
