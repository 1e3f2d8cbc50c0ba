/**
 * A customer group following its customers to a new owner (在职继承): the receiver joins if
 * they were not in it and becomes its owner; the former owner stays as a plain member, as when
 * an owner transfers a group by hand. Inside the caller's transaction; a dissolved group or one
 * that changed owner meanwhile is left alone.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AuditWho } from '../../audit/record.js';
import { insertMembers, type LoggedEvent, lockConversation, type MemberRef } from '../conversation-rules.js';
import { appendConversationEvent } from '../event-log.js';
import { passOwnership } from './transfer-owner.js';

export async function handOverGroup(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Kysely<Database>,
  input: { orgId: string; conversationId: string; from: MemberRef; to: MemberRef; who: AuditWho },
): Promise<LoggedEvent[]> {
  const conversation = await lockConversation(tx, input.orgId, input.conversationId);
  if (conversation.status !== 'active' || conversation.owner_id !== input.from.id) return [];
  const present = await tx
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', input.orgId)
    .where('conversation_id', '=', input.conversationId)
    .where('member_id', '=', input.to.id)
    .executeTakeFirst();
  const events: LoggedEvent[] = [];
  if (!present) {
    const now = ctx.clock.now().toISOString();
    await insertMembers(tx, input.orgId, input.conversationId, [{ id: input.to.id, role: 'member' }], now);
    events.push(
      await appendConversationEvent(ctx, tx, {
        orgId: input.orgId,
        conversationId: input.conversationId,
        type: 'conversation.member_added',
        actorId: input.who.memberId ?? null,
        payload: { memberIds: [input.to.id], members: [input.to], via: 'customer_transfer' },
      }),
    );
  }
  events.push(
    await passOwnership(ctx, tx, {
      orgId: input.orgId,
      conversationId: input.conversationId,
      label: conversation.name,
      from: input.from,
      to: input.to,
      who: input.who,
      reason: 'customer_transfer',
    }),
  );
  return events;
}
