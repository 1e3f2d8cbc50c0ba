/**
 * Writes one message inside the caller's transaction: locks the conversation, returns the
 * already stored message when the client id was used before, otherwise appends the
 * `message.created` event (its seq is the message's seq) and inserts the row.
 */
import type { ConversationEvent } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { claimAttachment } from '../attachment-claim.js';
import type { AttachmentOut } from '../attachment-schemas.js';
import { appendConversationEvent } from '../event-log.js';
import { presentMessage } from '../message-presenter.js';
import { findByClientMsgId, type MessageView } from '../message-queries.js';

export type NewMessage = {
  orgId: string;
  conversationId: string;
  sender: { id: string; name: string } | null;
  clientMsgId: string | null;
  kind: 'text' | 'system' | 'image' | 'file';
  body: string;
  mentions: string[];
  mentionAll: boolean;
  reply: MessageView['reply'];
  /** The uploaded image or file; claimed by this message in the same transaction. */
  attachment?: AttachmentOut | null;
  /** The text as written when an outgoing check masked `body` (kept for the archive, never presented). */
  originalBody?: string | null;
};

export type StoredMessage =
  | { created: true; view: MessageView; event: ConversationEvent & { orgId: string } }
  | { created: false; view: MessageView };

/** True for a unique-index violation on either store. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Takes the conversation row lock so the duplicate check and the seq are decided one writer at a time. */
async function lockConversation(ctx: Pick<Ctx, 'dialect'>, tx: Kysely<Database>, orgId: string, id: string) {
  // SQLite runs one transaction at a time on its single connection; PostgreSQL needs the row lock.
  let query = tx
    .selectFrom('conversations')
    .select(['last_seq', 'status'])
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (ctx.dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('conversation');
  return { lastSeq: Number(row.last_seq), status: row.status };
}

export async function storeMessage(
  ctx: Pick<Ctx, 'clock' | 'ids' | 'dialect'>,
  tx: Kysely<Database>,
  input: NewMessage,
): Promise<StoredMessage> {
  const locked = await lockConversation(ctx, tx, input.orgId, input.conversationId);
  if (input.clientMsgId) {
    // Read after taking the lock: a concurrent retry that committed first is visible now.
    const senderId = input.sender?.id ?? null;
    const existing = await findByClientMsgId(tx, input.orgId, input.conversationId, senderId, input.clientMsgId);
    if (existing) return { created: false, view: existing };
  }
  if (locked.status !== 'active') throw conflict('This group has been dissolved; no new messages can be sent');

  const at = ctx.clock.now().toISOString();
  const view: MessageView = {
    id: ctx.ids.next(),
    org_id: input.orgId,
    conversation_id: input.conversationId,
    seq: locked.lastSeq + 1,
    sender_id: input.sender?.id ?? null,
    sender_name: input.sender?.name ?? null,
    client_msg_id: input.clientMsgId,
    kind: input.kind,
    body: input.body,
    mentions: JSON.stringify(input.mentions),
    mention_all: input.mentionAll ? 1 : 0,
    reply_to_id: input.reply?.id ?? null,
    reply: input.reply,
    attachment: input.attachment ? JSON.stringify(input.attachment) : null,
    created_at: at,
    edited_at: null,
    recalled_at: null,
    original_body: input.originalBody ?? null,
  };
  const event = await appendConversationEvent(ctx, tx, {
    orgId: input.orgId,
    conversationId: input.conversationId,
    type: 'message.created',
    actorId: input.sender?.id ?? null,
    messageId: view.id,
    payload: presentMessage(view),
  });
  // The lock makes this hold; if it ever did not, the payload would carry a wrong seq.
  if (event.seq !== view.seq) throw new Error(`seq mismatch: expected ${view.seq}, event got ${event.seq}`);
  const { sender_name: _name, reply: _reply, ...row } = view;
  await tx.insertInto('messages').values(row).execute();
  if (input.attachment) await claimAttachment(tx, input.orgId, input.attachment.id, view.id);
  if (input.sender) {
    await tx
      .updateTable('conversation_members')
      .set({ read_seq: view.seq })
      .where('org_id', '=', input.orgId)
      .where('conversation_id', '=', input.conversationId)
      .where('member_id', '=', input.sender.id)
      .where('read_seq', '<', view.seq)
      .execute();
  }
  return { created: true, view, event };
}
