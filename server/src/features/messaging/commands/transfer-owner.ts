/**
 * Hands a group to another of its members. The former owner stays as a plain member. Used by
 * the owner through the API and by the departure handler (with no actor) when an owner leaves
 * the org.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import { assertChangeableGroup, type LoggedEvent, lockConversation } from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { guestCannotManage, requireMembership } from '../membership.js';

export type Handover = {
  orgId: string;
  conversationId: string;
  label: string | null;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
  who: AuditWho;
  reason: 'transferred' | 'departed' | 'customer_transfer';
  /** On departure: whether `to` is the successor the directory named (else the longest-serving rule). */
  namedSuccessor?: boolean;
};

/** Writes the new owner (inside the caller's transaction), audits it and logs the event. */
export async function passOwnership(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Kysely<Database>,
  h: Handover,
): Promise<LoggedEvent> {
  const named = h.namedSuccessor === undefined ? {} : { namedSuccessor: h.namedSuccessor };
  if (h.from) {
    await tx
      .updateTable('conversation_members')
      .set({ role: 'member' })
      .where('org_id', '=', h.orgId)
      .where('conversation_id', '=', h.conversationId)
      .where('member_id', '=', h.from.id)
      .execute();
  }
  await tx
    .updateTable('conversation_members')
    .set({ role: 'owner' })
    .where('org_id', '=', h.orgId)
    .where('conversation_id', '=', h.conversationId)
    .where('member_id', '=', h.to.id)
    .execute();
  await tx
    .updateTable('conversations')
    .set({ owner_id: h.to.id })
    .where('org_id', '=', h.orgId)
    .where('id', '=', h.conversationId)
    .execute();
  await recordAudit(ctx, tx, {
    orgId: h.orgId,
    who: h.who,
    action: 'conversation.owner_transferred',
    target: { type: 'conversation', id: h.conversationId, label: h.label },
    before: { ownerId: h.from?.id ?? null },
    after: { ownerId: h.to.id, reason: h.reason, ...named },
  });
  return appendConversationEvent(ctx, tx, {
    orgId: h.orgId,
    conversationId: h.conversationId,
    type: 'conversation.owner_transferred',
    actorId: h.who.memberId ?? null,
    payload: {
      fromMemberId: h.from?.id ?? null,
      toMemberId: h.to.id,
      from: h.from,
      to: h.to,
      reason: h.reason,
      ...named,
    },
  });
}

export async function transferOwner(ctx: Ctx, actor: Actor, id: string, memberId: string): Promise<void> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, id);
  assertChangeableGroup(conversation);
  if (membership.role !== 'owner') throw forbidden('Only the owner may transfer the group');
  if (memberId === actor.memberId) throw invalid('Choose another member of the group');

  const event = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockConversation(tx, actor.orgId, id);
    const target = await tx
      .selectFrom('conversation_members')
      .innerJoin('members', 'members.id', 'conversation_members.member_id')
      .select(['members.id', 'members.name', 'members.status', 'members.kind'])
      .where('conversation_members.org_id', '=', actor.orgId)
      .where('conversation_members.conversation_id', '=', id)
      .where('conversation_members.member_id', '=', memberId)
      .executeTakeFirst();
    if (target?.status !== 'active') throw notFound('conversation member');
    if (target.kind === 'guest') throw guestCannotManage();
    return passOwnership(ctx, tx, {
      orgId: actor.orgId,
      conversationId: id,
      label: locked.name,
      from: { id: actor.memberId, name: actor.name },
      to: { id: target.id, name: target.name },
      who: actor,
      reason: 'transferred',
    });
  });
  publishEvents(ctx, [event]);
}
