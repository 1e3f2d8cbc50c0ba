/**
 * Joins a group through an invite link. The use is counted with a conditional UPDATE (uses <
 * max_uses), so two members racing for the last use cannot both get in. A member already in
 * the group gets the group back without spending a use.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { ConversationInviteTable, ConversationTable, Database } from '../../../platform/db/schema.js';
import { conflict, notFound } from '../../../platform/errors.js';
import {
  assertWithinLimit,
  insertMembers,
  type LoggedEvent,
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

export const refuse = (reason: InviteRefusal) => conflict(MESSAGES[reason], { reason });

export type Admission = { conversationId: string; events: LoggedEvent[] };

/**
 * Admits one person (a member, or a guest created just before in the same transaction) through
 * an invite, inside the caller's transaction. Someone already in the group is admitted again
 * without spending a use.
 */
export async function admitWithInvite(
  ctx: Pick<Ctx, 'clock'>,
  tx: Kysely<Database>,
  invite: ConversationInviteTable,
  person: { id: string; name: string },
  via: 'invite' | 'guest_invite',
): Promise<Admission> {
  const now = ctx.clock.now().toISOString();
  const conversation = await lockConversation(tx, invite.org_id, invite.conversation_id);
  const already = await tx
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', invite.org_id)
    .where('conversation_id', '=', conversation.id)
    .where('member_id', '=', person.id)
    .executeTakeFirst();
  if (already) return { conversationId: conversation.id, events: [] };
  const refusal = inviteRefusal(invite, conversation, now);
  if (refusal) throw refuse(refusal);
  assertWithinLimit(conversation.member_limit, await memberCount(tx, invite.org_id, conversation.id), 1);
  const counted = await tx
    .updateTable('conversation_invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', invite.id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  if (Number(counted.numUpdatedRows) === 0) throw refuse('used_up');
  await insertMembers(tx, invite.org_id, conversation.id, [{ id: person.id, role: 'member' }], now);
  const event = await appendConversationEvent(ctx, tx, {
    orgId: invite.org_id,
    conversationId: conversation.id,
    type: 'conversation.member_added',
    actorId: person.id,
    payload: memberAddedPayload([person], conversation, { via, inviteId: invite.id }),
  });
  return { conversationId: conversation.id, events: [event] };
}

/** Why an invite cannot admit anyone new right now, or null when it can. */
export function inviteRefusal(
  invite: Pick<ConversationInviteTable, 'revoked_at' | 'expires_at' | 'max_uses' | 'uses'>,
  conversation: Pick<ConversationTable, 'status'>,
  now: string,
): InviteRefusal | null {
  if (conversation.status !== 'active') return 'dissolved';
  if (invite.revoked_at) return 'revoked';
  if (invite.expires_at && invite.expires_at <= now) return 'expired';
  if (invite.max_uses !== null && Number(invite.uses) >= Number(invite.max_uses)) return 'used_up';
  return null;
}

/** Returns the id of the conversation joined. */
export async function joinByInvite(ctx: Ctx, actor: Actor, code: string): Promise<string> {
  const result = await ctx.db.transaction().execute(async (tx) => {
    const invite = await tx
      .selectFrom('conversation_invites')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!invite) throw notFound('invite');
    return admitWithInvite(ctx, tx, invite, { id: actor.memberId, name: actor.name }, 'invite');
  });
  publishEvents(ctx, result.events);
  return result.conversationId;
}
