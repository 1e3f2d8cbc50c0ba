/** Rules for sending an uploaded attachment: same conversation and uploader, and only once. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { presentAttachment } from './attachment-presenter.js';
import { findAttachment } from './attachment-queries.js';
import type { AttachmentOut } from './attachment-schemas.js';

const alreadySent = () => conflict('This attachment was already sent in another message', { field: 'attachmentId' });

/**
 * The attachment an image or file message carries, checked before the transaction; null for
 * a text message. Someone else's upload, or one for another conversation, answers 404.
 */
export async function attachmentForMessage(
  db: Kysely<Database>,
  actor: Pick<Actor, 'orgId' | 'memberId'>,
  conversationId: string,
  kind: 'text' | 'image' | 'file',
  attachmentId: string | undefined,
): Promise<AttachmentOut | null> {
  if (kind === 'text') {
    if (attachmentId) throw invalid('A text message has no attachment; send kind "image" or "file"', { field: 'kind' });
    return null;
  }
  if (!attachmentId) throw invalid('An image or file message needs attachmentId', { field: 'attachmentId' });
  const row = await findAttachment(db, actor.orgId, attachmentId);
  if (!row || row.conversation_id !== conversationId || row.uploader_id !== actor.memberId) {
    throw notFound('attachment', { field: 'attachmentId' });
  }
  if (row.message_id !== null) throw alreadySent();
  if (row.kind !== kind) throw invalid(`This attachment is a ${row.kind}, not a ${kind}`, { field: 'kind' });
  return presentAttachment(row);
}

/** Marks the attachment as sent by this message, inside its transaction; 409 if a racing send won. */
export async function claimAttachment(
  tx: Kysely<Database>,
  orgId: string,
  attachmentId: string,
  messageId: string,
): Promise<void> {
  const result = await tx
    .updateTable('attachments')
    .set({ message_id: messageId })
    .where('org_id', '=', orgId)
    .where('id', '=', attachmentId)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw alreadySent();
}
