/**
 * Sending one message into a customer's chat on a member's behalf, for features that send the
 * same content to many customers (mass messages): an image or file the member uploaded once is
 * copied into each chat (same stored bytes, a new attachment claimed by the new message). The
 * caller's `clientMsgId` makes a retry find the stored message instead of sending twice.
 * Runs inside the caller's transaction; the logged events are published after the commit.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { AttachmentTable, Database } from '../../../platform/db/schema.js';
import { presentAttachment } from '../attachment-presenter.js';
import type { LoggedEvent, MemberRef } from '../conversation-rules.js';
import { storeMessage } from './store-message.js';

type Db = Kysely<Database>;

export type SentInChat = { messageId: string; seq: number; created: boolean; events: LoggedEvent[] };

/** The stored content of an image or file to send: a copy is made for each chat. */
export type FileToSend = Pick<AttachmentTable, 'sha256' | 'size' | 'mime' | 'name' | 'kind'>;

async function copyAttachment(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Db,
  input: { orgId: string; conversationId: string; uploaderId: string; file: FileToSend },
): Promise<AttachmentTable> {
  const row: AttachmentTable = {
    id: ctx.ids.next(),
    org_id: input.orgId,
    conversation_id: input.conversationId,
    uploader_id: input.uploaderId,
    message_id: null,
    sha256: input.file.sha256,
    size: Number(input.file.size),
    mime: input.file.mime,
    name: input.file.name,
    kind: input.file.kind === 'image' ? 'image' : 'file',
    created_at: ctx.clock.now().toISOString(),
  };
  await tx.insertInto('attachments').values(row).execute();
  return row;
}

export async function sendInCustomerChat(
  ctx: Pick<Ctx, 'clock' | 'ids' | 'dialect'>,
  tx: Db,
  input: {
    orgId: string;
    conversationId: string;
    sender: MemberRef;
    body: string;
    clientMsgId: string;
    /** An uploaded image or file to send a copy of. */
    file?: FileToSend | null;
  },
): Promise<SentInChat> {
  const existing = await tx
    .selectFrom('messages')
    .select(['id', 'seq'])
    .where('org_id', '=', input.orgId)
    .where('conversation_id', '=', input.conversationId)
    .where('sender_id', '=', input.sender.id)
    .where('client_msg_id', '=', input.clientMsgId)
    .executeTakeFirst();
  if (existing) return { messageId: existing.id, seq: Number(existing.seq), created: false, events: [] };
  const attachment = input.file
    ? presentAttachment(
        await copyAttachment(ctx, tx, {
          orgId: input.orgId,
          conversationId: input.conversationId,
          uploaderId: input.sender.id,
          file: input.file,
        }),
      )
    : null;
  const stored = await storeMessage(ctx, tx, {
    orgId: input.orgId,
    conversationId: input.conversationId,
    sender: input.sender,
    clientMsgId: input.clientMsgId,
    kind: attachment ? attachment.kind : 'text',
    body: input.body,
    mentions: [],
    mentionAll: false,
    reply: null,
    attachment,
  });
  return {
    messageId: stored.view.id,
    seq: Number(stored.view.seq),
    created: stored.created,
    events: stored.created ? [stored.event] : [],
  };
}
