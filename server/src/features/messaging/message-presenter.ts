/** Message rows → API shape. A recalled message is shown without its text (the row keeps it). */
import { parseAttachment } from './attachment-presenter.js';
import type { MessageView } from './message-queries.js';
import type { MessageOut } from './message-schemas.js';

/** Characters of a quoted message shown with a reply. */
export const REPLY_QUOTE_MAX = 100;

const truncate = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
};

const parseIds = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export function presentMessage(row: MessageView): MessageOut {
  const recalled = row.recalled_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    sender: row.sender_id ? { id: row.sender_id, name: row.sender_name ?? '' } : null,
    kind: row.kind,
    body: recalled ? '' : row.body,
    mentions: recalled ? [] : parseIds(row.mentions),
    mentionAll: !recalled && Number(row.mention_all) === 1,
    replyTo: row.reply
      ? {
          id: row.reply.id,
          seq: row.reply.seq,
          senderName: row.reply.sender_name,
          body: row.reply.recalled_at ? '' : truncate(row.reply.body, REPLY_QUOTE_MAX),
          recalled: row.reply.recalled_at !== null,
        }
      : null,
    attachment: recalled ? null : parseAttachment(row.attachment),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    recalledAt: row.recalled_at,
    clientMsgId: row.client_msg_id,
  };
}
