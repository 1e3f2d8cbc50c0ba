/**
 * Images and files for mass messages: uploaded in the composer by a member who may send mass
 * messages (kept apart from any conversation), or — through the API — an attachment they
 * uploaded to a conversation. Either way only the uploader may use it; sending copies its
 * stored bytes into each chat.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay } from '../../authz/may.js';
import type { MassMessageUploadTable } from '../../platform/db/mass-message-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { type FileToSend, type ReceiveFile, storeIncomingFile } from '../messaging/index.js';

export type UploadOut = { id: string; kind: 'image' | 'file'; name: string; size: number; mime: string };

export async function uploadMassMessageFile(ctx: Ctx, actor: Actor, receive: ReceiveFile): Promise<UploadOut> {
  await assertMay(ctx, actor, 'mass_message.send');
  const stored = await storeIncomingFile(ctx, receive, ctx.config.attachmentLimitBytes);
  const row: MassMessageUploadTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    uploader_id: actor.memberId,
    sha256: stored.sha256,
    size: stored.size,
    mime: stored.mime,
    name: stored.name,
    kind: stored.imageMime ? 'image' : 'file',
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('mass_message_uploads').values(row).execute();
  return { id: row.id, kind: row.kind === 'image' ? 'image' : 'file', name: row.name, size: row.size, mime: row.mime };
}

/** The upload or conversation attachment with this id, with who uploaded it; null when none. */
export async function findUpload(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<(FileToSend & { uploader_id: string }) | null> {
  const columns = ['sha256', 'size', 'mime', 'name', 'kind', 'uploader_id'] as const;
  const own = await db
    .selectFrom('mass_message_uploads')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (own) return own;
  const attachment = await db
    .selectFrom('attachments')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return attachment ?? null;
}
