/** Reads of messages: pages of a conversation, single messages with what presenting them needs. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor.js';
import type { Database, MessageTable } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type Membership, requireMembership } from './membership.js';

/** A message row with its sender's name and the message it replies to. */
export type MessageView = MessageTable & {
  sender_name: string | null;
  reply: { id: string; seq: number; body: string; recalled_at: string | null; sender_name: string | null } | null;
};

function selectViews(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('messages')
    .leftJoin('members as sender', 'sender.id', 'messages.sender_id')
    .leftJoin('messages as reply', 'reply.id', 'messages.reply_to_id')
    .leftJoin('members as reply_sender', 'reply_sender.id', 'reply.sender_id')
    .selectAll('messages')
    .select([
      'sender.name as sender_name',
      'reply.id as reply_id',
      'reply.seq as reply_seq',
      'reply.body as reply_body',
      'reply.recalled_at as reply_recalled_at',
      'reply_sender.name as reply_sender_name',
    ])
    .where('messages.org_id', '=', orgId);
}

type JoinedRow = MessageTable & {
  sender_name: string | null;
  reply_id: string | null;
  reply_seq: number | null;
  reply_body: string | null;
  reply_recalled_at: string | null;
  reply_sender_name: string | null;
};

function toView(row: JoinedRow): MessageView {
  const { reply_id, reply_seq, reply_body, reply_recalled_at, reply_sender_name, ...message } = row;
  return {
    ...message,
    seq: Number(message.seq),
    mention_all: Number(message.mention_all),
    reply:
      reply_id === null
        ? null
        : {
            id: reply_id,
            seq: Number(reply_seq),
            body: reply_body ?? '',
            recalled_at: reply_recalled_at,
            sender_name: reply_sender_name,
          },
  };
}

/** One message by id, in the org; null when missing. */
export async function findMessageView(
  db: Kysely<Database>,
  orgId: string,
  messageId: string,
): Promise<MessageView | null> {
  const row = await selectViews(db, orgId).where('messages.id', '=', messageId).executeTakeFirst();
  return row ? toView(row) : null;
}

/** The message the sender (null: the system) already stored under this client id, if any. */
export async function findByClientMsgId(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  senderId: string | null,
  clientMsgId: string,
): Promise<MessageView | null> {
  const row = await selectViews(db, orgId)
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.sender_id', senderId === null ? 'is' : '=', senderId)
    .where('messages.client_msg_id', '=', clientMsgId)
    .executeTakeFirst();
  return row ? toView(row) : null;
}

/** A message the actor can see (member of its conversation) plus the actor's membership; 404 otherwise. */
export async function requireVisibleMessage(
  db: Kysely<Database>,
  actor: Pick<Actor, 'orgId' | 'memberId'>,
  messageId: string,
): Promise<{ message: MessageView } & Membership> {
  const message = await findMessageView(db, actor.orgId, messageId);
  if (!message) throw notFound('message');
  const membership = await requireMembership(db, actor, message.conversation_id).catch(() => {
    throw notFound('message');
  });
  return { message, ...membership };
}

export type MessageWindow = { before?: number | undefined; after?: number | undefined; limit: number };

/**
 * A page of a conversation's messages, oldest first, without those the member hid. With
 * `after` it reads forward from that seq (catch-up); otherwise the newest page below `before`.
 */
export async function listMessageViews(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  memberId: string,
  window: MessageWindow,
): Promise<{ items: MessageView[]; hasMore: boolean }> {
  let query = selectViews(db, orgId)
    .where('messages.conversation_id', '=', conversationId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('message_hides')
            .select('message_hides.message_id')
            .whereRef('message_hides.message_id', '=', 'messages.id')
            .where('message_hides.member_id', '=', memberId),
        ),
      ),
    );
  if (window.before !== undefined) query = query.where('messages.seq', '<', window.before);
  const forward = window.after !== undefined;
  if (window.after !== undefined) query = query.where('messages.seq', '>', window.after);
  const rows = await query
    .orderBy('messages.seq', forward ? 'asc' : 'desc')
    .limit(window.limit + 1)
    .execute();
  const hasMore = rows.length > window.limit;
  const page = rows.slice(0, window.limit).map(toView);
  return { items: forward ? page : page.reverse(), hasMore };
}

/** Current members of a conversation except `exceptId`, with their read cursors. */
export async function membersWithCursors(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  exceptId: string | null,
): Promise<{ id: string; name: string; readSeq: number }[]> {
  let query = db
    .selectFrom('conversation_members')
    .innerJoin('members', 'members.id', 'conversation_members.member_id')
    .select(['members.id', 'members.name', 'conversation_members.read_seq'])
    .where('conversation_members.org_id', '=', orgId)
    .where('conversation_members.conversation_id', '=', conversationId);
  if (exceptId) query = query.where('conversation_members.member_id', '!=', exceptId);
  const rows = await query.orderBy('conversation_members.joined_at').orderBy('members.id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, readSeq: Number(r.read_seq) }));
}
