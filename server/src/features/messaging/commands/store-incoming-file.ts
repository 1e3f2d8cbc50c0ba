/**
 * The part every upload shares (message attachments, follow-up files, post images): read the
 * multipart file part under a size limit into the blob store — nothing kept past the limit or
 * when empty — and decide from its first bytes whether it is an image.
 */
import { Readable } from 'node:stream';
import type { Ctx } from '../../../app/context.js';
import { DomainError, invalid } from '../../../platform/errors.js';
import { BlobTooLargeError, blobStoreOf } from '../../../platform/files/index.js';
import { cleanDeclaredMime, cleanFileName, SNIFF_BYTES, sniffImageMime } from '../attachment-names.js';

/** One file part of a multipart upload. `truncated` is set by the parser when it hit its limit. */
export type IncomingFile = {
  fieldname: string;
  filename: string;
  mimetype: string;
  file: Readable & { truncated?: boolean };
};

/**
 * Reads the file part, telling the parser to stop after `maxBytes` bytes. Called only once the
 * actor may upload, so refused uploads are refused before any byte is stored.
 */
export type ReceiveFile = (maxBytes: number) => Promise<IncomingFile | undefined>;

export type StoredFile = {
  sha256: string;
  size: number;
  /** The cleaned original name. */
  name: string;
  /** PNG, JPEG, GIF or WebP by the bytes, else null. */
  imageMime: string | null;
  /** The sniffed image type, else the type the client declared (cleaned). */
  mime: string;
};

export const fileTooLarge = (maxBytes: number, what = 'A file') =>
  new DomainError('payload_too_large', `${what} can be at most ${maxBytes} bytes`, { maxBytes });

export async function storeIncomingFile(
  ctx: Pick<Ctx, 'config'>,
  receive: ReceiveFile,
  limit: number,
  what = 'A file',
): Promise<StoredFile> {
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
    if (err instanceof BlobTooLargeError) throw fileTooLarge(limit, what);
    throw err;
  }
  // Cannot happen with the parser's limit above the store's; refuse rather than keep a cut file.
  if (part.file.truncated) throw fileTooLarge(limit, what);
  if (stored.size === 0) throw invalid('The file is empty', { field: 'file' });
  const imageMime = sniffImageMime(Buffer.concat(head));
  return {
    ...stored,
    name: cleanFileName(part.filename),
    imageMime,
    mime: imageMime ?? cleanDeclaredMime(part.mimetype),
  };
}
