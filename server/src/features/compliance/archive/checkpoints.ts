/**
 * Signed checkpoints: the org's tree size and root, signed with the archive key in the signed-
 * note format (archive-core/checkpoint.ts). A copy kept outside the system later proves the
 * archive held exactly these records. Nothing is signed while no key is configured or the tree
 * has not grown since the last checkpoint.
 */
import type { Ctx } from '../../../app/context.js';
import type { ArchiveCheckpointTable } from '../../../platform/db/schema.js';
import { archiveOrigin, signCheckpoint } from '../archive-core/checkpoint.js';
import { fromHex } from '../archive-core/encoding.js';
import { archiveKeys } from './archive-keys.js';

export async function latestCheckpoint(
  ctx: Pick<Ctx, 'db'>,
  orgId: string,
): Promise<ArchiveCheckpointTable | undefined> {
  return ctx.db
    .selectFrom('archive_checkpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Signs the current head if it grew; returns the new checkpoint, or null when there is nothing to sign. */
export async function signHead(ctx: Ctx, orgId: string): Promise<ArchiveCheckpointTable | null> {
  const key = archiveKeys(ctx.config).signing;
  if (!key) return null;
  const head = await ctx.db.selectFrom('archive_heads').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!head || Number(head.size) === 0) return null;
  const last = await latestCheckpoint(ctx, orgId);
  if (last && Number(last.size) >= Number(head.size)) return null;
  const note = signCheckpoint(
    { origin: archiveOrigin(orgId), size: Number(head.size), rootHash: fromHex(head.root_hash, 'root') },
    key,
  );
  const row: ArchiveCheckpointTable = {
    id: ctx.ids.next(),
    org_id: orgId,
    size: Number(head.size),
    root_hash: head.root_hash,
    note,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.insertInto('archive_checkpoints').values(row).execute();
  return row;
}
