/**
 * Opening a post's image. Colleagues: the uploader, or anyone who sees the post holding it.
 * Customers: only images of published posts addressed to them. Anything else answers 404.
 */
import type { Readable } from 'node:stream';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { CustomerPostImageTable } from '../../platform/db/customer-post-tables.js';
import { notFound } from '../../platform/errors.js';
import { blobStoreOf } from '../../platform/files/index.js';
import { contentDisposition } from '../messaging/index.js';
import { postForGuest } from './guest-access.js';
import { loadVisiblePost } from './post-access.js';

export type ImageContent = { headers: Record<string, string>; stream: Readable };

async function findImage(ctx: Ctx, orgId: string, id: string): Promise<CustomerPostImageTable> {
  const row = await ctx.db
    .selectFrom('customer_post_images')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('image');
  return row;
}

async function content(ctx: Ctx, row: CustomerPostImageTable): Promise<ImageContent> {
  const blob = await blobStoreOf(ctx.config).open(row.sha256);
  if (!blob) throw notFound('image');
  return {
    stream: blob.stream,
    headers: {
      'content-type': row.mime,
      'content-length': String(blob.size),
      'content-disposition': contentDisposition('inline', row.name),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    },
  };
}

const hidden = () => notFound('image');

export async function openImageForMember(ctx: Ctx, actor: Actor, id: string): Promise<ImageContent> {
  const row = await findImage(ctx, actor.orgId, id);
  if (row.uploader_id !== actor.memberId) {
    if (!row.post_id) throw hidden();
    await loadVisiblePost(ctx, ctx.db, actor, row.post_id).catch(() => {
      throw hidden();
    });
  }
  return content(ctx, row);
}

export async function openImageForGuest(ctx: Ctx, actor: Actor, id: string): Promise<ImageContent> {
  const row = await findImage(ctx, actor.orgId, id);
  if (!row.post_id) throw hidden();
  await postForGuest(ctx, actor, row.post_id).catch(() => {
    throw hidden();
  });
  return content(ctx, row);
}
