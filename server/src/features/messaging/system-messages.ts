/**
 * Posting a system message (a welcome, an auto-reply) into a conversation on behalf of no one.
 * The caller's `clientMsgId` makes it idempotent: the same key finds the stored message instead
 * of posting twice (another node, a replayed event).
 */
import { MESSAGING_LIMITS } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import { storeMessage } from './commands/store-message.js';
import { publishEvents } from './event-log.js';

export async function postSystemMessage(
  ctx: Ctx,
  input: { orgId: string; conversationId: string; clientMsgId: string; body: string },
): Promise<void> {
  const body = [...input.body.trim()].slice(0, MESSAGING_LIMITS.messageBodyMax).join('');
  if (!body) return;
  const result = await ctx.db.transaction().execute((tx) =>
    storeMessage(ctx, tx, {
      orgId: input.orgId,
      conversationId: input.conversationId,
      sender: null,
      clientMsgId: input.clientMsgId,
      kind: 'system',
      body,
      mentions: [],
      mentionAll: false,
      reply: null,
    }),
  );
  if (result.created) publishEvents(ctx, [result.event]);
}
