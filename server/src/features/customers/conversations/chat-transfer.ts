/**
 * What a transfer does to a customer's chats, inside the transfer's transaction: the notice is
 * posted into each active chat the customer has with the member they leave (delivered), or
 * recorded undelivered when there is none; when the new member takes over, those chats are
 * handed to them (they join as owner, the former member leaves, as WeCom does), so service
 * continues where it was. The logged events are returned for publishing after the commit.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AuditWho } from '../../audit/record.js';
import { automaticSendId, handOverCustomerChat, type LoggedEvent, postInCustomerChat } from '../../messaging/index.js';
import type { NoticeStatus } from '../transfers/transfer-writes.js';

type Db = Kysely<Database>;
type ChatCtx = Pick<Ctx, 'clock' | 'ids' | 'dialect'>;
type Person = { id: string; name: string };

/** The active chats of the customer with this member. */
async function chatsWith(tx: Db, orgId: string, customerId: string, memberId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('customer_conversations as cc')
    .innerJoin('conversations as c', 'c.id', 'cc.conversation_id')
    .select('cc.conversation_id')
    .where('cc.org_id', '=', orgId)
    .where('cc.customer_id', '=', customerId)
    .where('cc.member_id', '=', memberId)
    .where('c.status', '=', 'active')
    .orderBy('cc.created_at')
    .execute();
  return rows.map((r) => r.conversation_id);
}

export type PostedNotice = { status: NoticeStatus; reason: string | null; events: LoggedEvent[] };

/**
 * Posts the transfer's notice to the customer. `sender`: the member they leave while still
 * active (on-the-job), null for a system line (a departure, where that member has gone).
 */
export async function postTransferNotice(
  ctx: ChatCtx,
  tx: Db,
  input: { orgId: string; transferId: string; customerId: string; fromId: string; sender: Person | null; body: string },
): Promise<PostedNotice> {
  const chats = await chatsWith(tx, input.orgId, input.customerId, input.fromId);
  if (chats.length === 0) return { status: 'undelivered', reason: 'no_conversation', events: [] };
  const events: LoggedEvent[] = [];
  for (const conversationId of chats) {
    events.push(
      ...(await postInCustomerChat(ctx, tx, {
        orgId: input.orgId,
        conversationId,
        sender: input.sender,
        body: input.body,
        clientMsgId: automaticSendId('transfer-notice', input.transferId),
      })),
    );
  }
  return { status: 'delivered', reason: null, events };
}

/** Hands the customer's chats with `from` to `to`; the chats now follow `to`. */
export async function handOverChats(
  ctx: ChatCtx,
  tx: Db,
  input: { orgId: string; customerId: string; from: Person; to: Person; who: AuditWho },
): Promise<LoggedEvent[]> {
  const chats = await chatsWith(tx, input.orgId, input.customerId, input.from.id);
  const events: LoggedEvent[] = [];
  for (const conversationId of chats) {
    events.push(
      ...(await handOverCustomerChat(ctx, tx, {
        orgId: input.orgId,
        conversationId,
        from: input.from,
        to: input.to,
        who: input.who,
      })),
    );
    await tx
      .updateTable('customer_conversations')
      .set({ member_id: input.to.id })
      .where('org_id', '=', input.orgId)
      .where('conversation_id', '=', conversationId)
      .execute();
  }
  return events;
}

/** Names of members, for the chat events and notices. */
export async function peopleNamed(tx: Db, orgId: string, ids: readonly string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('members')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
