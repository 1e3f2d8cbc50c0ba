/**
 * An inclusion proof of one record against the newest signed checkpoint that covers it, in the
 * bundle format of archive-core/VERIFYING.md: a third party holding the archive's public key
 * checks it with nothing else.
 */
import type { Ctx } from '../../../app/context.js';
import { isUuid } from '../../../platform/ids.js';
import { fromHex } from '../archive-core/encoding.js';
import { type InclusionBundle, inclusionProofFrom, makeInclusionBundle } from '../archive-core/merkle.js';
import { leafDataOfRow } from './verify-archive.js';

export class ProveError extends Error {}

export async function proveRecord(
  ctx: Ctx,
  recordId: string,
): Promise<InclusionBundle & { recordId: string; orgId: string }> {
  // PostgreSQL rejects a malformed uuid outright: such an id is simply not a record.
  const row = isUuid(recordId)
    ? await ctx.db.selectFrom('archive_records').selectAll().where('id', '=', recordId).executeTakeFirst()
    : undefined;
  if (!row) throw new ProveError(`no archive record ${recordId}`);
  const checkpoint = await ctx.db
    .selectFrom('archive_checkpoints')
    .selectAll()
    .where('org_id', '=', row.org_id)
    .where('size', '>=', Number(row.seq))
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!checkpoint)
    throw new ProveError('no signed checkpoint covers this record yet; run `concord archive checkpoint` first');
  const index = Number(row.seq) - 1;
  const read = async (start: number, end: number) => {
    const rows = await ctx.db
      .selectFrom('archive_records')
      .select('leaf_hash')
      .where('org_id', '=', row.org_id)
      .where('seq', '>', start)
      .where('seq', '<=', end)
      .orderBy('seq')
      .execute();
    return rows.map((r) => fromHex(r.leaf_hash, 'leaf hash'));
  };
  const proof = await inclusionProofFrom(read, index, Number(checkpoint.size));
  return {
    recordId,
    orgId: row.org_id,
    ...makeInclusionBundle({ leafData: leafDataOfRow(row), leafIndex: index, proof, checkpoint: checkpoint.note }),
  };
}
