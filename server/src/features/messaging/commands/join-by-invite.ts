/**
 * Joins a group through an invite link. The use is counted with a conditional UPDATE (uses <
 * max_uses), so two members racing for the last use cannot both get in. A member already in
 * the group gets the group back without spending a use.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, notFound } from '../../../platform/errors.js';
import {
  assertWithinLimit,
  insertMembers,
  lockConversation,
  memberAddedPayload,
  memberCount,
} from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';

export type InviteRefusal = 'expired' | 'used_up' | 'revoked' | 'dissolved';

const MESSAGES: Record<InviteRefusal, string> = {
  expired: 'This invite link has expired',
  used_up: 'This invite link has been used the maximum number of times',
  revoked: 'This invite link has been revoked',
  dissolved: 'The group has been dissolved',
};

const refuse = (reason: InviteRefusal) => conflict(MESSAGES[reason], { reason });

/** Returns the id of the conversation joined. */
export async function joinByInvite(ctx: Ctx, actor: Actor, code: string): Promise<string> {
  const now = ctx.clock.now().toISOString();
  const result = await ctx.db.transaction().execute(async (tx) => {
    const invite = await tx
      .selectFrom('conversation_invites')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!invite) throw notFound('invite');
    const conversation = await lockConversation(tx, actor.orgId, invite.conversation_id);
    const already = await tx
      .selectFrom('conversation_members')
      .select('member_id')
      .where('org_id', '=', actor.orgId)
      .where('conversation_id', '=', conversation.id)
      .where('member_id', '=', actor.memberId)
      .executeTakeFirst();
    if (already) return { id: conversation.id, events: [] };
    if (conversation.status !== 'active') throw refuse('dissolved');
    if (invite.revoked_at) throw refuse('revoked');
    if (invite.expires_at && invite.expires_at <= now) throw refuse('expired');
    assertWithinLimit(conversation.member_limit, await memberCount(tx, actor.orgId, conversation.id), 1);
    const counted = await tx
      .updateTable('conversation_invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', invite.id)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 0) throw refuse('used_up');
    await insertMembers(tx, actor.orgId, conversation.id, [{ id: actor.memberId, role: 'member' }], now);
    const event = await appendConversationEvent(ctx, tx, {
      orgId: actor.orgId,
      conversationId: conversation.id,
      type: 'conversation.member_added',
      actorId: actor.memberId,
      payload: memberAddedPayload([{ id: actor.memberId, name: actor.name }], conversation, {
        via: 'invite',
        inviteId: invite.id,
      }),
    });
    return { id: conversation.id, events: [event] };
  });
  publishEvents(ctx, result.events);
  return result.id;
}
