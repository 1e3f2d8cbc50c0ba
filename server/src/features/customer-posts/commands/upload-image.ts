/**
 * Receiving an image for a post: colleagues who may post; only PNG, JPEG, GIF or WebP (decided
 * by the bytes), at most 10 MB (or the attachment limit if lower). The bytes go to the blob
 * store; the row waits for a post to claim it.
 */
import { Readable } from 'node:stream';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay, may } from '../../../authz/may.js';
import { DomainError, invalid } from '../../../platform/errors.js';
import { BlobTooLargeError, blobStoreOf } from '../../../platform/files/index.js';
import { cleanFileName, type ReceiveFile, SNIFF_BYTES, sniffImageMime } from '../../messaging/index.js';

const IMAGE_LIMIT = 10 * 1024 * 1024;

export type PostImageOut = { id: string; name: string; size: number; mime: string };

export async function uploadPostImage(ctx: Ctx, actor: Actor, receive: ReceiveFile): Promise<PostImageOut> {
  if (!(await may(ctx, actor, 'customer_post.publish_org'))) await assertMay(ctx, actor, 'customer.serve');
  const limit = Math.min(IMAGE_LIMIT, ctx.config.attachmentLimitBytes);
  const tooLarge = () =>
    new DomainError('payload_too_large', `An image can be at most ${limit} bytes`, { maxBytes: limit });
  const part = await receive(limit + 1);
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw invalid('Upload the image as multipart/form-data in the field "file"', { field: 'file' });
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
    if (err instanceof BlobTooLargeError) throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  const mime = sniffImageMime(Buffer.concat(head));
  if (!mime) throw invalid('Only PNG, JPEG, GIF or WebP images go in a post', { field: 'file', reason: 'not_image' });
  const row = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    uploader_id: actor.memberId,
    post_id: null,
    sha256: stored.sha256,
    size: stored.size,
    mime,
    name: cleanFileName(part.filename),
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('customer_post_images').values(row).execute();
  return { id: row.id, name: row.name, size: row.size, mime };
}
