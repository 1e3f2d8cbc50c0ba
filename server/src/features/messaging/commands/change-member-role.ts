/** The owner makes a group member an admin, or an admin a plain member again. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertChangeableGroup, lockConversation } from '../conversation-rules.js';
import type { ChangeRoleInput } from '../conversation-schemas.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { guestCannotManage, requireMembership } from '../membership.js';

export async function changeMemberRole(
  ctx: Ctx,
  actor: Actor,
  id: string,
  memberId: string,
  input: ChangeRoleInput,
): Promise<void> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, id);
  assertChangeableGroup(conversation);
  if (membership.role !== 'owner') throw forbidden('Only the owner may appoint or dismiss admins');

  const events = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockConversation(tx, actor.orgId, id);
    const target = await tx
      .selectFrom('conversation_members')
      .innerJoin('members', 'members.id', 'conversation_members.member_id')
      .select(['conversation_members.role', 'members.name', 'members.kind'])
      .where('conversation_members.org_id', '=', actor.orgId)
      .where('conversation_members.conversation_id', '=', id)
      .where('conversation_members.member_id', '=', memberId)
      .executeTakeFirst();
    if (!target) throw notFound('conversation member');
    if (target.kind === 'guest') throw guestCannotManage();
    if (target.role === 'owner') throw conflict('The owner’s role changes only by transferring the group');
    if (target.role === input.role) return [];
    await tx
      .updateTable('conversation_members')
      .set({ role: input.role })
      .where('org_id', '=', actor.orgId)
      .where('conversation_id', '=', id)
      .where('member_id', '=', memberId)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'conversation.member_role_changed',
      target: { type: 'conversation', id, label: locked.name },
      before: { memberId, role: target.role },
      after: { memberId, role: input.role },
    });
    return [
      await appendConversationEvent(ctx, tx, {
        orgId: actor.orgId,
        conversationId: id,
        type: 'conversation.updated',
        actorId: actor.memberId,
        payload: { memberRoles: [{ id: memberId, name: target.name, role: input.role }] },
      }),
    ];
  });
  publishEvents(ctx, events);
}
