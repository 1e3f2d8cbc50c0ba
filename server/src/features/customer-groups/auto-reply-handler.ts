/**
 * Answers an external participant's message in a customer group with the first matching
 * auto-reply, as a system message. Keyed by the triggering message's seq, so a second delivery
 * of the same event (another node, a replay) finds the reply already posted.
 */
import type { Ctx } from '../../app/context.js';
import type { DomainEvent } from '../../platform/bus.js';
import { DomainError } from '../../platform/errors.js';
import { postSystemMessage } from '../messaging/index.js';
import { autoReplyFor, parseAutoReplies } from './auto-reply-rules.js';

async function answer(ctx: Ctx, event: DomainEvent): Promise<void> {
  const { conversationId, actorId, seq, payload } = event.data as {
    conversationId?: unknown;
    actorId?: unknown;
    seq?: unknown;
    payload?: { body?: unknown; kind?: unknown };
  };
  if (typeof conversationId !== 'string' || typeof actorId !== 'string' || typeof seq !== 'number') return;
  if (payload?.kind !== 'text' || typeof payload.body !== 'string') return;
  const group = await ctx.db
    .selectFrom('customer_groups as g')
    .innerJoin('members as m', (j) => j.on('m.id', '=', actorId).onRef('m.org_id', '=', 'g.org_id'))
    .select(['g.auto_replies', 'm.kind'])
    .where('g.org_id', '=', event.orgId)
    .where('g.conversation_id', '=', conversationId)
    .executeTakeFirst();
  // Only customers (guests) get auto-replies; staff talking in the group do not.
  if (group?.kind !== 'guest') return;
  const reply = autoReplyFor(parseAutoReplies(group.auto_replies), payload.body);
  if (!reply) return;
  try {
    await postSystemMessage(ctx, { orgId: event.orgId, conversationId, clientMsgId: `auto-reply:${seq}`, body: reply });
  } catch (err) {
    // A group dissolved meanwhile gets no reply; anything else is logged by the bus.
    if (err instanceof DomainError && (err.code === 'conflict' || err.code === 'not_found')) return;
    throw err;
  }
}

export function registerCustomerGroupHandlers(ctx: Ctx): () => void {
  return ctx.bus.on('message.created', (event) => answer(ctx, event));
}
