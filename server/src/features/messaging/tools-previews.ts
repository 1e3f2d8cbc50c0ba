/**
 * Short previews of messages for the to-do and bookmark lists: the start of the text, the
 * sender and the conversation's name as the viewer sees it (a 1:1 is named after the peer).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import { directPeerId } from './conversation-presenter.js';
import { memberNames } from './conversation-queries.js';
import type { MessagePreviewOut } from './tools-schemas.js';

/** Characters of a message shown in a preview. */
export const PREVIEW_MAX = 100;

const truncate = (text: string): string => {
  const chars = [...text];
  return chars.length <= PREVIEW_MAX ? text : `${chars.slice(0, PREVIEW_MAX).join('')}…`;
};

/** Previews of the given messages of the org, keyed by message id. */
export async function messagePreviews(
  db: Kysely<Database>,
  orgId: string,
  viewerId: string,
  messageIds: readonly string[],
): Promise<Map<string, MessagePreviewOut>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .leftJoin('members as sender', 'sender.id', 'messages.sender_id')
    .select([
      'messages.id',
      'messages.conversation_id',
      'messages.seq',
      'messages.body',
      'messages.recalled_at',
      'messages.created_at',
      'sender.name as sender_name',
      'conversations.name as conversation_name',
      'conversations.kind as conversation_kind',
      'conversations.direct_key',
    ])
    .where('messages.org_id', '=', orgId)
    .where('messages.id', 'in', [...new Set(messageIds)])
    .execute();
  const peers = rows
    .map((r) => (r.conversation_kind === 'direct' ? directPeerId(r, viewerId) : null))
    .filter((id): id is string => id !== null);
  const names = await memberNames(db, orgId, peers);
  const out = new Map<string, MessagePreviewOut>();
  for (const r of rows) {
    const peer = r.conversation_kind === 'direct' ? directPeerId(r, viewerId) : null;
    const recalled = r.recalled_at !== null;
    out.set(r.id, {
      id: r.id,
      conversationId: r.conversation_id,
      conversationName: (peer ? names.get(peer) : r.conversation_name) ?? r.conversation_name ?? '',
      seq: Number(r.seq),
      senderName: r.sender_name,
      preview: recalled ? '' : truncate(r.body),
      recalled,
      at: r.created_at,
    });
  }
  return out;
}

/** An opaque cursor "time|id" for lists ordered newest first. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

/** The position a cursor points at; a cursor this server did not make is refused. */
export function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || rest.length > 0) throw invalid('The cursor is not valid', { field: 'cursor' });
  return { at, id };
}
