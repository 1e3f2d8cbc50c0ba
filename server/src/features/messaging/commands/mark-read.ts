/**
 * Moves the actor's read cursor forward (never back). Receipts are ephemeral: they go on the bus
 * for the realtime gateway, not into the conversation's event log.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid } from '../../../platform/errors.js';
import { requireMembership } from '../membership.js';

export type ReadState = { conversationId: string; readSeq: number };

export async function markRead(ctx: Ctx, actor: Actor, conversationId: string, seq: number): Promise<ReadState> {
  const { conversation } = await requireMembership(ctx.db, actor, conversationId);
  if (seq > Number(conversation.last_seq)) {
    throw invalid('The conversation has no event with this seq yet', { field: 'seq', lastSeq: conversation.last_seq });
  }
  const updated = await ctx.db
    .updateTable('conversation_members')
    .set({ read_seq: seq })
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', conversationId)
    .where('member_id', '=', actor.memberId)
    .where('read_seq', '<', seq)
    .executeTakeFirst();
  const row = await ctx.db
    .selectFrom('conversation_members')
    .select('read_seq')
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', conversationId)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  const readSeq = Number(row?.read_seq ?? seq);
  if (Number(updated.numUpdatedRows) > 0) {
    ctx.bus.emit({
      type: 'conversation.read',
      orgId: actor.orgId,
      at: ctx.clock.now().toISOString(),
      actorId: actor.memberId,
      data: { conversationId, memberId: actor.memberId, readSeq },
    });
  }
  return { conversationId, readSeq };
}
