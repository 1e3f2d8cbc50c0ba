/**
 * Welcome messages: when members are added with a `welcomeMessage` in the event payload, post it
 * as a system message. Keyed by the member_added event's seq, so a second delivery of the same
 * event (another node, a replay) finds the stored message instead of posting it twice.
 */
import { MESSAGING_LIMITS } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import { DomainError } from '../../platform/errors.js';
import { storeMessage } from './commands/store-message.js';
import { publishEvents } from './event-log.js';

export function postWelcomeMessages(ctx: Ctx): () => void {
  return ctx.bus.on('conversation.member_added', async (event) => {
    const payload = event.data.payload as Record<string, unknown> | undefined;
    const text = typeof payload?.welcomeMessage === 'string' ? payload.welcomeMessage.trim() : '';
    const conversationId = event.data.conversationId;
    if (!text || typeof conversationId !== 'string') return;
    const body = [...text].slice(0, MESSAGING_LIMITS.messageBodyMax).join('');
    try {
      const result = await ctx.db.transaction().execute((tx) =>
        storeMessage(ctx, tx, {
          orgId: event.orgId,
          conversationId,
          sender: null,
          clientMsgId: `welcome:${String(event.data.seq)}`,
          kind: 'system',
          body,
          mentions: [],
          mentionAll: false,
          reply: null,
        }),
      );
      if (result.created) publishEvents(ctx, [result.event]);
    } catch (err) {
      // A group dissolved (or deleted) meanwhile gets no welcome; anything else is logged by the bus.
      if (err instanceof DomainError && (err.code === 'conflict' || err.code === 'not_found')) return;
      throw err;
    }
  });
}
