/**
 * Files on follow-ups (a quotation, a visit photo): uploaded for a customer the member sees,
 * then claimed by the follow-up recorded with them; opened by whoever sees the customer (an
 * unclaimed file only by its uploader). Another org's or an unseen customer's file is 404.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { CustomerFollowUpFileTable } from '../../platform/db/customer-tables.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid, notFound } from '../../platform/errors.js';
import { blobStoreOf } from '../../platform/files/index.js';
import { contentDisposition, type ReceiveFile, storeIncomingFile } from '../messaging/index.js';
import { loadVisibleCustomer } from './access.js';
import { customerViewer } from './viewer.js';

export const FOLLOW_UP_FILES_MAX = 9;

export type FollowUpFileOut = { id: string; kind: 'image' | 'file'; name: string; size: number; mime: string };

const present = (row: CustomerFollowUpFileTable): FollowUpFileOut => ({
  id: row.id,
  kind: row.kind === 'image' ? 'image' : 'file',
  name: row.name,
  size: Number(row.size),
  mime: row.mime,
});

export async function uploadFollowUpFile(
  ctx: Ctx,
  actor: Actor,
  customerId: string,
  receive: ReceiveFile,
): Promise<FollowUpFileOut> {
  const viewer = await customerViewer(ctx, actor);
  const { row: customer } = await loadVisibleCustomer(ctx, ctx.db, viewer, customerId);
  const stored = await storeIncomingFile(ctx, receive, ctx.config.attachmentLimitBytes);
  const row: CustomerFollowUpFileTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    customer_id: customer.id,
    follow_up_id: null,
    uploader_id: actor.memberId,
    sha256: stored.sha256,
    size: stored.size,
    mime: stored.mime,
    kind: stored.imageMime ? 'image' : 'file',
    name: stored.name,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('customer_follow_up_files').values(row).execute();
  return present(row);
}

/** Inside the follow-up's transaction: the actor's unclaimed uploads for this customer become its files. */
export async function claimFollowUpFiles(
  tx: Kysely<Database>,
  input: { orgId: string; customerId: string; followUpId: string; uploaderId: string; fileIds: readonly string[] },
): Promise<void> {
  const ids = [...new Set(input.fileIds)];
  if (ids.length === 0) return;
  const claimed = await tx
    .updateTable('customer_follow_up_files')
    .set({ follow_up_id: input.followUpId })
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('uploader_id', '=', input.uploaderId)
    .where('follow_up_id', 'is', null)
    .where('id', 'in', ids)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== ids.length) {
    throw invalid('A file is unknown, belongs to another customer or is already attached', {
      field: 'fileIds',
      reason: 'file_unavailable',
    });
  }
}

/** The files of these follow-ups, in upload order. */
export async function filesOfFollowUps(
  db: Kysely<Database>,
  orgId: string,
  followUpIds: readonly string[],
): Promise<Map<string, FollowUpFileOut[]>> {
  const out = new Map<string, FollowUpFileOut[]>();
  if (followUpIds.length === 0) return out;
  const rows = await db
    .selectFrom('customer_follow_up_files')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('follow_up_id', 'in', followUpIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const key = row.follow_up_id as string;
    out.set(key, [...(out.get(key) ?? []), present(row)]);
  }
  return out;
}

export async function openFollowUpFile(
  ctx: Ctx,
  actor: Actor,
  id: string,
  forceDownload: boolean,
): Promise<{ headers: Record<string, string>; stream: Readable }> {
  const row = await ctx.db
    .selectFrom('customer_follow_up_files')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.follow_up_id === null && row.uploader_id !== actor.memberId)) throw notFound('file');
  const viewer = await customerViewer(ctx, actor);
  await loadVisibleCustomer(ctx, ctx.db, viewer, row.customer_id, { deleted: 'include' }).catch(() => {
    throw notFound('file');
  });
  const blob = await blobStoreOf(ctx.config).open(row.sha256);
  if (!blob) throw notFound('file');
  const image = row.kind === 'image';
  return {
    stream: blob.stream,
    headers: {
      'content-type': image ? row.mime : 'application/octet-stream',
      'content-length': String(blob.size),
      'content-disposition': contentDisposition(image && !forceDownload ? 'inline' : 'attachment', row.name),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    },
  };
}
