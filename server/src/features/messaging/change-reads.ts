/**
 * A conversation's changes (membership, settings, announcement, dissolution) from the event log,
 * for the grey lines among messages after a reload. Message events are left out: messages are
 * read through the message routes, which apply recalls and hides.
 */
import type { ConversationEvent, ConversationEventType } from '@concord/protocol';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { requireMembership } from './membership.js';
import type { ChangesInput } from './message-schemas.js';

export async function listConversationChanges(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  query: ChangesInput,
): Promise<{ items: ConversationEvent[] }> {
  await requireMembership(ctx.db, actor, conversationId);
  let select = ctx.db
    .selectFrom('conversation_events')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', conversationId)
    .where('type', 'like', 'conversation.%')
    .where('seq', '>', query.after ?? 0);
  if (query.before !== undefined) select = select.where('seq', '<', query.before);
  const rows = await select
    .orderBy('seq')
    .limit(query.limit ?? 200)
    .execute();
  return {
    items: rows.map((row) => ({
      conversationId: row.conversation_id,
      seq: Number(row.seq),
      type: row.type as ConversationEventType,
      actorId: row.actor_id,
      messageId: row.message_id,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      at: row.created_at,
    })),
  };
}
