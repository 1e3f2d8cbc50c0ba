/** Opening an attachment's content for a member of its conversation. */
import type { Readable } from 'node:stream';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { notFound } from '../../platform/errors.js';
import { blobStoreOf } from '../../platform/files/index.js';
import { contentDisposition } from './attachment-names.js';
import { findAttachment } from './attachment-queries.js';
import { requireMembership } from './membership.js';

export type AttachmentContent = { headers: Record<string, string>; stream: Readable };

/** How long a browser may reuse a download; short, since recall or leaving revokes access. */
const MAX_AGE_SECONDS = 300;

/**
 * The content and response headers of an attachment. Another org, a non-member or a recalled
 * message all answer 404; the blob itself stays stored for the archive.
 */
export async function openAttachment(
  ctx: Ctx,
  actor: Actor,
  attachmentId: string,
  forceDownload: boolean,
): Promise<AttachmentContent> {
  const row = await findAttachment(ctx.db, actor.orgId, attachmentId);
  if (!row || row.recalled_at !== null) throw notFound('attachment');
  await requireMembership(ctx.db, actor, row.conversation_id).catch(() => {
    throw notFound('attachment');
  });
  const blob = await blobStoreOf(ctx.config).open(row.sha256);
  if (!blob) throw notFound('attachment');
  const image = row.kind === 'image';
  return {
    stream: blob.stream,
    headers: {
      'content-type': image ? row.mime : 'application/octet-stream',
      'content-length': String(blob.size),
      'content-disposition': contentDisposition(image && !forceDownload ? 'inline' : 'attachment', row.name),
      'x-content-type-options': 'nosniff',
      'cache-control': `private, max-age=${MAX_AGE_SECONDS}`,
    },
  };
}
