/** Bus subscriptions of messaging; the runtime calls `registerMessagingHandlers` once at start. */
import type { Ctx } from '../../app/context.js';
import { onMemberDeparted } from './commands/on-member-departed.js';
import { postWelcomeMessages } from './welcome-messages.js';

/** Subscribes messaging to other features' events; returns a function that unsubscribes. */
export function registerMessagingHandlers(ctx: Ctx): () => void {
  const off = [ctx.bus.on('member.departed', (event) => onMemberDeparted(ctx, event)), postWelcomeMessages(ctx)];
  return () => {
    for (const stop of off) stop();
  };
}
