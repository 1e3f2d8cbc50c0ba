/**
 * Receiving an image or file for a conversation: members only; the bytes stream into the blob
 * store under the size limit (nothing is kept past it); the kind is decided by the bytes.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { AttachmentTable } from '../../../platform/db/schema.js';
import { conflict } from '../../../platform/errors.js';
import { presentAttachment } from '../attachment-presenter.js';
import type { AttachmentOut } from '../attachment-schemas.js';
import { requireMembership } from '../membership.js';
import { type ReceiveFile, storeIncomingFile } from './store-incoming-file.js';

export type { IncomingFile, ReceiveFile } from './store-incoming-file.js';

export async function uploadAttachment(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  receive: ReceiveFile,
): Promise<AttachmentOut> {
  const { conversation } = await requireMembership(ctx.db, actor, conversationId);
  if (conversation.status !== 'active') throw conflict('This group has been dissolved; nothing can be sent to it');

  const stored = await storeIncomingFile(ctx, receive, ctx.config.attachmentLimitBytes);
  const row: AttachmentTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    conversation_id: conversationId,
    uploader_id: actor.memberId,
    message_id: null,
    sha256: stored.sha256,
    size: stored.size,
    mime: stored.mime,
    name: stored.name,
    kind: stored.imageMime ? 'image' : 'file',
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('attachments').values(row).execute();
  return presentAttachment(row);
}
