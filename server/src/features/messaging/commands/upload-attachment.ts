/**
 * Receiving an image or file for a conversation: members only; the bytes stream into the blob
 * store under the size limit (nothing is kept past it); the kind is decided by the bytes.
 */
import { Readable } from 'node:stream';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { AttachmentTable } from '../../../platform/db/schema.js';
import { conflict, DomainError, invalid } from '../../../platform/errors.js';
import { BlobTooLargeError, blobStoreOf } from '../../../platform/files/index.js';
import { cleanDeclaredMime, cleanFileName, SNIFF_BYTES, sniffImageMime } from '../attachment-names.js';
import { presentAttachment } from '../attachment-presenter.js';
import type { AttachmentOut } from '../attachment-schemas.js';
import { requireMembership } from '../membership.js';

/** One file part of a multipart upload. `truncated` is set by the parser when it hit its limit. */
export type IncomingFile = {
  fieldname: string;
  filename: string;
  mimetype: string;
  file: Readable & { truncated?: boolean };
};

/**
 * Reads the file part, telling the parser to stop after `maxBytes` bytes. Called only once the
 * actor is known to be a member, so outsiders' uploads are refused before any byte is stored.
 */
export type ReceiveFile = (maxBytes: number) => Promise<IncomingFile | undefined>;

const tooLarge = (maxBytes: number) =>
  new DomainError('payload_too_large', `A file can be at most ${maxBytes} bytes`, { maxBytes });

export async function uploadAttachment(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  receive: ReceiveFile,
): Promise<AttachmentOut> {
  const { conversation } = await requireMembership(ctx.db, actor, conversationId);
  if (conversation.status !== 'active') throw conflict('This group has been dissolved; nothing can be sent to it');

  const limit = ctx.config.attachmentLimitBytes;
  // One byte past the limit: the store then sees an over-long file and refuses it whole,
  // rather than the parser silently handing over a cut-off file of exactly the limit.
  const part = await receive(limit + 1);
  if (!part) throw invalid('Upload the file as multipart/form-data in the field "file"', { field: 'file' });
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw invalid('Upload the file in the field "file"', { field: 'file' });
  }

  const head: Buffer[] = [];
  let headBytes = 0;
  async function* tap(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
      yield chunk;
    }
  }

  let stored: { sha256: string; size: number };
  try {
    stored = await blobStoreOf(ctx.config).put(Readable.from(tap(part.file)), { maxBytes: limit });
  } catch (err) {
    if (err instanceof BlobTooLargeError) throw tooLarge(limit);
    throw err;
  }
  // Cannot happen with the parser's limit above the store's; refuse rather than keep a cut file.
  if (part.file.truncated) throw tooLarge(limit);
  if (stored.size === 0) throw invalid('The file is empty', { field: 'file' });

  const imageMime = sniffImageMime(Buffer.concat(head));
  const row: AttachmentTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    conversation_id: conversationId,
    uploader_id: actor.memberId,
    message_id: null,
    sha256: stored.sha256,
    size: stored.size,
    mime: imageMime ?? cleanDeclaredMime(part.mimetype),
    name: cleanFileName(part.filename),
    kind: imageMime ? 'image' : 'file',
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('attachments').values(row).execute();
  return presentAttachment(row);
}
