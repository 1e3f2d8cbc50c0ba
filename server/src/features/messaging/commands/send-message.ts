/** Sending a message (text, or an uploaded image/file): membership, body, mentions, reply and attachment rules, idempotent by client id. */

import { MESSAGING_LIMITS } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { attachmentForMessage } from '../attachment-claim.js';
import { isAutomaticSend } from '../automatic-sends.js';
import { publishEvents } from '../event-log.js';
import { enforceHarassmentRules } from '../harassment-check.js';
import { requireMembership } from '../membership.js';
import { checkMentionAll, checkMentions } from '../mentions.js';
import { presentMessage } from '../message-presenter.js';
import { findByClientMsgId, findMessageView, type MessageView } from '../message-queries.js';
import type { MessageOut, SendMessageInput } from '../message-schemas.js';
import { checkOutgoingText } from '../outgoing-checks.js';
import { isUniqueViolation, storeMessage } from './store-message.js';

/** The trimmed body, refusing empty and over-long text (counted in characters, not bytes). */
export function cleanBody(raw: string): string {
  const body = raw.trim();
  if (body.length === 0) throw invalid('The message is empty', { field: 'body' });
  const length = [...body].length;
  if (length > MESSAGING_LIMITS.messageBodyMax) {
    throw invalid(`A message can have at most ${MESSAGING_LIMITS.messageBodyMax} characters`, {
      field: 'body',
      max: MESSAGING_LIMITS.messageBodyMax,
      length,
    });
  }
  return body;
}

export async function sendMessage(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  input: SendMessageInput,
): Promise<MessageOut> {
  if (isAutomaticSend(input.clientMsgId)) {
    throw invalid('This clientMsgId prefix is kept for messages Concord sends itself', {
      field: 'clientMsgId',
      reason: 'reserved',
    });
  }
  const { conversation, membership } = await requireMembership(ctx.db, actor, conversationId);
  const stored = await findByClientMsgId(ctx.db, actor.orgId, conversationId, actor.memberId, input.clientMsgId);
  if (stored) return presentMessage(stored);

  if (conversation.status !== 'active') throw conflict('This group has been dissolved; no new messages can be sent');
  const kind = input.kind ?? 'text';
  const attachment = await attachmentForMessage(ctx.db, actor, conversationId, kind, input.attachmentId);
  // An image or file may come without a caption; text needs a body.
  const body = attachment && !input.body?.trim() ? '' : cleanBody(input.body ?? '');
  const mentions = await checkMentions(ctx.db, actor.orgId, conversationId, input.mentions ?? []);
  if (input.mentionAll) checkMentionAll(membership.role);
  let reply: MessageView['reply'] = null;
  if (input.replyToId) {
    const target = await findMessageView(ctx.db, actor.orgId, input.replyToId);
    if (!target || target.conversation_id !== conversationId) throw notFound('message', { field: 'replyToId' });
    reply = {
      id: target.id,
      seq: target.seq,
      body: target.body,
      recalled_at: target.recalled_at,
      sender_name: target.sender_name,
    };
  }

  await enforceHarassmentRules(ctx, actor, conversation, membership.role, body);
  // Other features' rules may refuse the message (archive consent, also for an image without a
  // caption, whose text is empty) or mask what recipients see (sensitive content).
  const checked = await checkOutgoingText(ctx, { actor, conversation, body, source: 'send', messageId: null });

  try {
    const result = await ctx.db.transaction().execute(async (tx) => {
      const stored = await storeMessage(ctx, tx, {
        orgId: actor.orgId,
        conversationId,
        sender: { id: actor.memberId, name: actor.name },
        clientMsgId: input.clientMsgId,
        kind,
        body: checked.body,
        originalBody: checked.originalBody,
        attachment,
        mentions,
        mentionAll: input.mentionAll ?? false,
        reply,
      });
      if (stored.created) await checked.stored(tx, { id: stored.view.id, seq: stored.view.seq });
      return stored;
    });
    if (result.created) {
      publishEvents(ctx, [result.event]);
      checked.committed();
    }
    return presentMessage(result.view);
  } catch (err) {
    // Two retries raced past the check: the index kept one; answer with it.
    if (!isUniqueViolation(err)) throw err;
    const winner = await findByClientMsgId(ctx.db, actor.orgId, conversationId, actor.memberId, input.clientMsgId);
    if (!winner) throw err;
    return presentMessage(winner);
  }
}
