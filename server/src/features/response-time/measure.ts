/**
 * Measures first responses in customer chats from messaging's `message.created` events: a
 * customer's message opens a wait (with the customer's owner then, and when the owner and the
 * supervisor are due an alert); the first message a member sends after it answers every open
 * wait before it, with the working time it took. What Concord sends in the member's name (a mass
 * message, a transfer notice) answers nothing. Both steps are idempotent (one wait per message,
 * only open waits are answered), so a replayed event or a second node changes nothing, and a
 * reply handled before the customer's message (handlers run concurrently) is found afterwards.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { DomainEvent } from '../../platform/bus.js';
import type { Database } from '../../platform/db/schema.js';
import { AUTOMATIC_SEND_PREFIXES, isAutomaticSend } from '../messaging/index.js';
import { deadlinesOf } from './deadlines.js';
import { loadResponseSettings } from './settings.js';
import { workingMs } from './working-time.js';

type Db = Kysely<Database>;
type Reply = { seq: number; at: string; memberId: string };

/** Closes the conversation's open waits older than the reply. */
async function answerWaits(tx: Db, orgId: string, conversationId: string, reply: Reply): Promise<void> {
  const open = await tx
    .selectFrom('response_waits')
    .select(['id', 'asked_at'])
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .where('answered_at', 'is', null)
    .where('seq', '<', reply.seq)
    .execute();
  if (open.length === 0) return;
  const settings = await loadResponseSettings(tx, orgId);
  for (const wait of open) {
    const ms = workingMs(new Date(wait.asked_at), new Date(reply.at), settings);
    await tx
      .updateTable('response_waits')
      .set({ answered_at: reply.at, answered_by: reply.memberId, working_seconds: Math.round(ms / 1000) })
      .where('id', '=', wait.id)
      .where('answered_at', 'is', null)
      .execute();
  }
}

/** The first member message after `seq` in the chat, if one was already stored. */
async function laterReply(tx: Db, orgId: string, conversationId: string, seq: number, guestId: string) {
  const row = await tx
    .selectFrom('messages')
    .select(['seq', 'created_at', 'sender_id'])
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', seq)
    .where('sender_id', 'is not', null)
    .where('sender_id', '!=', guestId)
    .where('kind', '!=', 'system')
    .where((eb) =>
      eb.or([
        eb('client_msg_id', 'is', null),
        eb.and(AUTOMATIC_SEND_PREFIXES.map((prefix) => eb('client_msg_id', 'not like', `${prefix}%`))),
      ]),
    )
    .orderBy('seq')
    .executeTakeFirst();
  return row?.sender_id ? { seq: Number(row.seq), at: row.created_at, memberId: row.sender_id } : null;
}

async function openWait(
  ctx: Ctx,
  tx: Db,
  e: { orgId: string; conversationId: string; messageId: string; seq: number; at: string },
  chat: { customer_id: string; guest_id: string },
): Promise<void> {
  const customer = await tx
    .selectFrom('customers')
    .select('owner_id')
    .where('org_id', '=', e.orgId)
    .where('id', '=', chat.customer_id)
    .executeTakeFirst();
  if (!customer) return;
  const due = deadlinesOf(e.at, await loadResponseSettings(tx, e.orgId));
  await tx
    .insertInto('response_waits')
    .values({
      id: ctx.ids.next(),
      org_id: e.orgId,
      conversation_id: e.conversationId,
      message_id: e.messageId,
      seq: e.seq,
      customer_id: chat.customer_id,
      owner_id: customer.owner_id,
      asked_at: e.at,
      answered_at: null,
      answered_by: null,
      working_seconds: null,
      owner_due_at: due.ownerDueAt,
      supervisor_due_at: due.supervisorDueAt,
      owner_alerted_at: null,
      supervisor_alerted_at: null,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
  const reply = await laterReply(tx, e.orgId, e.conversationId, e.seq, chat.guest_id);
  if (reply) await answerWaits(tx, e.orgId, e.conversationId, reply);
}

export async function measureResponse(ctx: Ctx, event: DomainEvent): Promise<void> {
  const { conversationId, actorId, messageId, seq, payload } = event.data as {
    conversationId?: unknown;
    actorId?: unknown;
    messageId?: unknown;
    seq?: unknown;
    payload?: { kind?: unknown; clientMsgId?: unknown };
  };
  if (typeof conversationId !== 'string' || typeof actorId !== 'string') return;
  if (typeof messageId !== 'string' || typeof seq !== 'number' || payload?.kind === 'system') return;
  const chat = await ctx.db
    .selectFrom('customer_conversations')
    .select(['customer_id', 'guest_id'])
    .where('org_id', '=', event.orgId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  if (!chat) return;
  if (actorId !== chat.guest_id && isAutomaticSend(String(payload?.clientMsgId ?? ''))) return;
  const orgId = event.orgId;
  await ctx.db.transaction().execute(async (tx) => {
    if (actorId === chat.guest_id) {
      await openWait(ctx, tx, { orgId, conversationId, messageId, seq, at: event.at }, chat);
    } else {
      await answerWaits(tx, orgId, conversationId, { seq, at: event.at, memberId: actorId });
    }
  });
}

export function registerResponseTimeHandlers(ctx: Ctx): () => void {
  return ctx.bus.on('message.created', (event) => measureResponse(ctx, event));
}
