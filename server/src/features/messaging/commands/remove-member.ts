/**
 * Takes a member out of a group. Anyone may leave (except the owner, who transfers first);
 * the owner removes anyone, an admin removes plain members only. A removal by someone else is
 * also audited.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertChangeableGroup, lockConversation } from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { requireMembership } from '../membership.js';

export async function removeMember(ctx: Ctx, actor: Actor, id: string, memberId: string): Promise<void> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, id);
  assertChangeableGroup(conversation);
  const self = memberId === actor.memberId;

  const events = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockConversation(tx, actor.orgId, id);
    assertChangeableGroup(locked);
    const target = await tx
      .selectFrom('conversation_members')
      .innerJoin('members', 'members.id', 'conversation_members.member_id')
      .select(['conversation_members.role', 'members.name'])
      .where('conversation_members.org_id', '=', actor.orgId)
      .where('conversation_members.conversation_id', '=', id)
      .where('conversation_members.member_id', '=', memberId)
      .executeTakeFirst();
    if (!target) throw notFound('conversation member');
    if (self) {
      if (target.role === 'owner') throw conflict('Transfer the group to another member before leaving');
    } else if (membership.role === 'owner') {
      // The owner may remove anyone else.
    } else if (membership.role === 'admin') {
      if (target.role !== 'member') throw forbidden('Only the owner may remove the owner or an admin');
    } else {
      throw forbidden('Only the owner and admins may remove members');
    }
    await tx
      .deleteFrom('conversation_members')
      .where('org_id', '=', actor.orgId)
      .where('conversation_id', '=', id)
      .where('member_id', '=', memberId)
      .execute();
    if (!self) {
      await recordAudit(ctx, tx, {
        orgId: actor.orgId,
        who: actor,
        action: 'conversation.member_removed',
        target: { type: 'conversation', id, label: locked.name },
        before: { memberId, name: target.name, role: target.role },
      });
    }
    return [
      await appendConversationEvent(ctx, tx, {
        orgId: actor.orgId,
        conversationId: id,
        type: 'conversation.member_removed',
        actorId: actor.memberId,
        payload: {
          memberId,
          memberIds: [memberId],
          members: [{ id: memberId, name: target.name }],
          reason: self ? 'left' : 'removed',
        },
      }),
    ];
  });
  publishEvents(ctx, events);
}
