/**
 * Receiving an image for a post: colleagues who may post; only PNG, JPEG, GIF or WebP (decided
 * by the bytes), at most 10 MB (or the attachment limit if lower). The bytes go to the blob
 * store through messaging's shared upload step; the row waits for a post to claim it.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay, may } from '../../../authz/may.js';
import { invalid } from '../../../platform/errors.js';
import { type ReceiveFile, storeIncomingFile } from '../../messaging/index.js';

const IMAGE_LIMIT = 10 * 1024 * 1024;

export type PostImageOut = { id: string; name: string; size: number; mime: string };

export async function uploadPostImage(ctx: Ctx, actor: Actor, receive: ReceiveFile): Promise<PostImageOut> {
  if (!(await may(ctx, actor, 'customer_post.publish_org'))) await assertMay(ctx, actor, 'customer.serve');
  const limit = Math.min(IMAGE_LIMIT, ctx.config.attachmentLimitBytes);
  const stored = await storeIncomingFile(ctx, receive, limit, 'An image');
  if (!stored.imageMime) {
    throw invalid('Only PNG, JPEG, GIF or WebP images go in a post', { field: 'file', reason: 'not_image' });
  }
  const row = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    uploader_id: actor.memberId,
    post_id: null,
    sha256: stored.sha256,
    size: stored.size,
    mime: stored.imageMime,
    name: stored.name,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('customer_post_images').values(row).execute();
  return { id: row.id, name: row.name, size: row.size, mime: row.mime };
}
