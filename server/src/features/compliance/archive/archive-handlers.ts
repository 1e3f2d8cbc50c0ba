/**
 * Archives conversation changes as they happen: every conversation event (and a member hiding a
 * message) triggers a sync of that conversation. Syncs of one conversation run one after another
 * on this node; across nodes the cursor's row lock keeps them apart.
 */
import { CONVERSATION_EVENT_TYPES } from '@concord/protocol';
import type { Ctx } from '../../../app/context.js';
import type { DomainEvent } from '../../../platform/bus.js';
import { syncConversation } from './sync-conversation.js';

export const MESSAGE_HIDDEN_EVENT = 'message.hidden';

export function registerArchiveHandlers(ctx: Ctx): () => void {
  const running = new Map<string, Promise<unknown>>();
  const onEvent = (event: DomainEvent): Promise<void> => {
    const conversationId = event.data.conversationId;
    if (typeof conversationId !== 'string') return Promise.resolve();
    const previous = running.get(conversationId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => syncConversation(ctx, event.orgId, conversationId));
    running.set(conversationId, next);
    return next.then(
      () => {
        if (running.get(conversationId) === next) running.delete(conversationId);
      },
      (err: unknown) => {
        if (running.get(conversationId) === next) running.delete(conversationId);
        throw err;
      },
    );
  };
  const off = [...CONVERSATION_EVENT_TYPES, MESSAGE_HIDDEN_EVENT].map((type) => ctx.bus.on(type, onEvent));
  return () => {
    for (const stop of off) stop();
  };
}
