/**
 * A customer's 1:1 chat with the member serving them: an external conversation of exactly one
 * colleague (its owner) and one guest, so every guest rule applies unchanged. Only the customer
 * feature opens and hands these over (through a contact-me link, a transfer); everything runs
 * inside the caller's transaction and returns the logged events to publish after the commit.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import { insertMembers, type LoggedEvent, lockConversation, type MemberRef } from '../conversation-rules.js';
import { appendConversationEvent } from '../event-log.js';
import { storeMessage } from './store-message.js';

type Db = Kysely<Database>;
type ChatCtx = Pick<Ctx, 'clock' | 'ids' | 'dialect'>;

/** Opens the chat: the member owns it, the guest is its one other participant. */
export async function openCustomerChat(
  ctx: ChatCtx,
  tx: Db,
  input: { orgId: string; member: MemberRef; guest: MemberRef },
): Promise<{ conversationId: string; events: LoggedEvent[] }> {
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  await tx
    .insertInto('conversations')
    .values({
      id,
      org_id: input.orgId,
      kind: 'external',
      // The member sees the customer's name in their list; the guest's page shows the member.
      name: input.guest.name,
      avatar_url: null,
      owner_id: input.member.id,
      announcement: null,
      announcement_at: null,
      settings: JSON.stringify({ onlyAdminsInvite: true, welcomeMessage: null, customerChat: true }),
      member_limit: 2,
      department_id: null,
      direct_key: null,
      last_seq: 0,
      status: 'active',
      created_by: input.member.id,
      created_at: now,
      updated_at: now,
      dissolved_at: null,
    })
    .execute();
  await insertMembers(
    tx,
    input.orgId,
    id,
    [
      { id: input.member.id, role: 'owner' },
      { id: input.guest.id, role: 'member' },
    ],
    now,
  );
  const event = await appendConversationEvent(ctx, tx, {
    orgId: input.orgId,
    conversationId: id,
    type: 'conversation.created',
    actorId: input.guest.id,
    payload: {
      id,
      kind: 'external',
      name: input.guest.name,
      ownerId: input.member.id,
      customerChat: true,
      members: [
        { id: input.member.id, name: input.member.name, role: 'owner' },
        { id: input.guest.id, name: input.guest.name, role: 'member' },
      ],
    },
  });
  return { conversationId: id, events: [event] };
}

/** Posts a text in the chat as `sender` (a member), or as a system line when null. */
export async function postInCustomerChat(
  ctx: ChatCtx,
  tx: Db,
  input: { orgId: string; conversationId: string; sender: MemberRef | null; body: string; clientMsgId: string },
): Promise<LoggedEvent[]> {
  const stored = await storeMessage(ctx, tx, {
    orgId: input.orgId,
    conversationId: input.conversationId,
    sender: input.sender,
    clientMsgId: input.clientMsgId,
    kind: input.sender ? 'text' : 'system',
    body: input.body,
    mentions: [],
    mentionAll: false,
    reply: null,
  });
  return stored.created ? [stored.event] : [];
}

/**
 * Hands the chat from one member to another, as WeCom does after a transfer: the new member
 * joins as owner and the former one leaves, so the customer keeps one colleague to talk to.
 * A chat no longer active, or already with `to`, is left as it is.
 */
export async function handOverCustomerChat(
  ctx: ChatCtx,
  tx: Db,
  input: { orgId: string; conversationId: string; from: MemberRef; to: MemberRef; who: AuditWho },
): Promise<LoggedEvent[]> {
  const conversation = await lockConversation(tx, input.orgId, input.conversationId);
  if (conversation.status !== 'active') return [];
  const present = await tx
    .selectFrom('conversation_members')
    .select(['member_id', 'role'])
    .where('org_id', '=', input.orgId)
    .where('conversation_id', '=', input.conversationId)
    .execute();
  const events: LoggedEvent[] = [];
  const now = ctx.clock.now().toISOString();
  if (!present.some((p) => p.member_id === input.to.id)) {
    await insertMembers(tx, input.orgId, input.conversationId, [{ id: input.to.id, role: 'owner' }], now);
    events.push(
      await appendConversationEvent(ctx, tx, {
        orgId: input.orgId,
        conversationId: input.conversationId,
        type: 'conversation.member_added',
        actorId: input.who.memberId ?? null,
        payload: { memberIds: [input.to.id], members: [input.to], via: 'customer_transfer' },
      }),
    );
  } else {
    await tx
      .updateTable('conversation_members')
      .set({ role: 'owner' })
      .where('org_id', '=', input.orgId)
      .where('conversation_id', '=', input.conversationId)
      .where('member_id', '=', input.to.id)
      .execute();
  }
  await tx
    .updateTable('conversations')
    .set({ owner_id: input.to.id })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.conversationId)
    .execute();
  if (input.from.id !== input.to.id && present.some((p) => p.member_id === input.from.id)) {
    await tx
      .deleteFrom('conversation_members')
      .where('org_id', '=', input.orgId)
      .where('conversation_id', '=', input.conversationId)
      .where('member_id', '=', input.from.id)
      .execute();
    events.push(
      await appendConversationEvent(ctx, tx, {
        orgId: input.orgId,
        conversationId: input.conversationId,
        type: 'conversation.member_removed',
        actorId: input.who.memberId ?? null,
        payload: {
          memberId: input.from.id,
          memberIds: [input.from.id],
          members: [input.from],
          reason: 'customer_transferred',
        },
      }),
    );
  }
  await recordAudit(ctx, tx, {
    orgId: input.orgId,
    who: input.who,
    action: 'conversation.owner_transferred',
    target: { type: 'conversation', id: input.conversationId, label: conversation.name },
    before: { ownerId: input.from.id },
    after: { ownerId: input.to.id, reason: 'customer_transferred' },
  });
  return events;
}
