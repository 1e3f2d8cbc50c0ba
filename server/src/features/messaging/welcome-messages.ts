/**
 * Welcome messages: when members are added with a `welcomeMessage` in the event payload, post it
 * as a system message. Keyed by the member_added event's seq, so a second delivery of the same
 * event (another node, a replay) finds the stored message instead of posting it twice.
 */
import type { Ctx } from '../../app/context.js';
import { DomainError } from '../../platform/errors.js';
import { automaticSendId } from './automatic-sends.js';
import { postSystemMessage } from './system-messages.js';

export function postWelcomeMessages(ctx: Ctx): () => void {
  return ctx.bus.on('conversation.member_added', async (event) => {
    const payload = event.data.payload as Record<string, unknown> | undefined;
    const text = typeof payload?.welcomeMessage === 'string' ? payload.welcomeMessage : '';
    const conversationId = event.data.conversationId;
    if (!text.trim() || typeof conversationId !== 'string') return;
    try {
      await postSystemMessage(ctx, {
        orgId: event.orgId,
        conversationId,
        clientMsgId: automaticSendId('welcome', String(event.data.seq)),
        body: text,
      });
    } catch (err) {
      // A group dissolved (or deleted) meanwhile gets no welcome; anything else is logged by the bus.
      if (err instanceof DomainError && (err.code === 'conflict' || err.code === 'not_found')) return;
      throw err;
    }
  });
}
