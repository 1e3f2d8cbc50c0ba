/**
 * Reacts to `member.departed` from the directory: the member leaves every conversation. A group
 * they owned passes to the longest-serving admin, else the longest-serving member; a group left
 * empty is dissolved. Each conversation changes in its own transaction through the event log.
 */
import type { Ctx } from '../../../app/context.js';
import type { DomainEvent } from '../../../platform/bus.js';
import type { AuditWho } from '../../audit/record.js';
import { isGroup, type LoggedEvent, lockConversation } from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { conversationIdsOf } from '../membership.js';
import { markDissolved } from './dissolve-conversation.js';
import { passOwnership } from './transfer-owner.js';

const SYSTEM: AuditWho = {
  kind: 'system',
  memberId: null,
  name: null,
  meta: { ip: null, userAgent: null, requestId: null },
};

export async function onMemberDeparted(ctx: Ctx, event: DomainEvent): Promise<void> {
  const memberId = event.data.memberId;
  if (typeof memberId !== 'string') return;
  const orgId = event.orgId;
  const member = await ctx.db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return;
  for (const conversationId of await conversationIdsOf(ctx.db, orgId, memberId)) {
    const events = await ctx.db.transaction().execute(async (tx) => {
      const conversation = await lockConversation(tx, orgId, conversationId);
      const removed = await tx
        .deleteFrom('conversation_members')
        .where('org_id', '=', orgId)
        .where('conversation_id', '=', conversationId)
        .where('member_id', '=', memberId)
        .returning('role')
        .executeTakeFirst();
      // Already gone (a concurrent leave): nothing to log.
      if (!removed) return [];
      const out: LoggedEvent[] = [
        await appendConversationEvent(ctx, tx, {
          orgId,
          conversationId,
          type: 'conversation.member_removed',
          actorId: null,
          payload: { memberId, memberIds: [memberId], members: [member], reason: 'departed' },
        }),
      ];
      if (!isGroup(conversation) || conversation.status !== 'active') return out;
      const remaining = await tx
        .selectFrom('conversation_members')
        .innerJoin('members', 'members.id', 'conversation_members.member_id')
        .select(['members.id', 'members.name', 'members.status', 'conversation_members.role'])
        .where('conversation_members.org_id', '=', orgId)
        .where('conversation_members.conversation_id', '=', conversationId)
        .orderBy('conversation_members.joined_at')
        .orderBy('members.id')
        .execute();
      if (removed.role === 'owner') {
        // Active members first: a disabled member cannot run the group until re-enabled.
        const active = remaining.filter((m) => m.status === 'active');
        const successor =
          active.find((m) => m.role === 'admin') ??
          active[0] ??
          remaining.find((m) => m.role === 'admin') ??
          remaining[0];
        if (successor) {
          out.push(
            await passOwnership(ctx, tx, {
              orgId,
              conversationId,
              label: conversation.name,
              from: member,
              to: { id: successor.id, name: successor.name },
              who: SYSTEM,
              reason: 'owner_departed',
            }),
          );
          return out;
        }
      }
      if (remaining.length === 0) {
        out.push(
          await markDissolved(ctx, tx, {
            orgId,
            conversationId,
            label: conversation.name,
            who: SYSTEM,
            reason: 'empty',
          }),
        );
      }
      return out;
    });
    publishEvents(ctx, events);
  }
}
