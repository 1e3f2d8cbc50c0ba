/**
 * The per-conversation event log. `appendConversationEvent` takes the conversation's next seq
 * (the UPDATE locks the conversation row, so concurrent writers get consecutive seqs) and stores
 * the event; call it inside the transaction of the change. After the commit, `publishEvents`
 * puts the events on the bus as domain events (`message.created`, …): the realtime gateway
 * pushes them to clients and later features (the archive) record them.
 */
import type { ConversationEvent, ConversationEventType } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';

export type NewConversationEvent = {
  orgId: string;
  conversationId: string;
  type: ConversationEventType;
  actorId: string | null;
  messageId?: string | null;
  payload: Record<string, unknown>;
};

/** Appends one event and returns it with its seq. */
export async function appendConversationEvent(
  ctx: Pick<Ctx, 'clock'>,
  tx: Kysely<Database>,
  event: NewConversationEvent,
): Promise<ConversationEvent & { orgId: string }> {
  const at = ctx.clock.now().toISOString();
  const bumped = await tx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: at }))
    .where('org_id', '=', event.orgId)
    .where('id', '=', event.conversationId)
    .returning('last_seq')
    .executeTakeFirst();
  if (!bumped) throw notFound('conversation');
  const seq = Number(bumped.last_seq);
  await tx
    .insertInto('conversation_events')
    .values({
      org_id: event.orgId,
      conversation_id: event.conversationId,
      seq,
      type: event.type,
      actor_id: event.actorId,
      message_id: event.messageId ?? null,
      payload: JSON.stringify(event.payload),
      created_at: at,
    })
    .execute();
  return {
    orgId: event.orgId,
    conversationId: event.conversationId,
    seq,
    type: event.type,
    actorId: event.actorId,
    messageId: event.messageId ?? null,
    payload: event.payload,
    at,
  };
}

/** Emits committed events on the bus, one domain event each, in seq order. */
export function publishEvents(ctx: Pick<Ctx, 'bus'>, events: readonly (ConversationEvent & { orgId: string })[]): void {
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const { orgId, ...data } = event;
    ctx.bus.emit({ type: event.type, orgId, at: event.at, actorId: event.actorId, data });
  }
}

/** Events of a conversation after `afterSeq`, oldest first (for resume and catch-up). */
export async function listEventsAfter(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  afterSeq: number,
  limit = 500,
): Promise<ConversationEvent[]> {
  const rows = await db
    .selectFrom('conversation_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    type: row.type as ConversationEventType,
    actorId: row.actor_id,
    messageId: row.message_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    at: row.created_at,
  }));
}
