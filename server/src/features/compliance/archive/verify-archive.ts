/**
 * Walks an org's archive and reports the first record that was altered, removed or reordered,
 * or "intact" with the count and head hash. Each record's leaf is rebuilt from its stored
 * metadata and compared with its leaf hash; held content is compared with its content hash
 * (decrypted first when encrypted); seqs must run 1…n without gaps; the root over all leaf
 * hashes must equal the head and every signed checkpoint's root at its size.
 */
import type { Ctx } from '../../../app/context.js';
import type { ArchiveRecordTable } from '../../../platform/db/schema.js';
import { decryptBodyText } from '../archive-core/body-cipher.js';
import type { JsonValue } from '../archive-core/canonical-json.js';
import { archiveOrigin, publicKeyFrom, verifyCheckpoint } from '../archive-core/checkpoint.js';
import { fromHex, toHex } from '../archive-core/encoding.js';
import { MerkleFrontier } from '../archive-core/merkle.js';
import { hashLeaf } from '../archive-core/merkle-hash.js';
import { contentHash, purgeLeafData, recordLeafData } from '../archive-core/record-hash.js';
import { PURGE_RECORD_TYPE } from './append-records.js';
import { archiveKeys } from './archive-keys.js';

export type VerifyProblem =
  | 'altered'
  | 'content_altered'
  | 'content_removed'
  | 'removed'
  | 'reordered'
  | 'root_mismatch'
  | 'bad_checkpoint';

export type VerifyReport =
  | { orgId: string; status: 'intact'; count: number; headHash: string; checkpoints: number }
  | {
      orgId: string;
      status: 'broken';
      problem: VerifyProblem;
      seq: number | null;
      recordId: string | null;
      detail: string;
    };

const PAGE = 2000;

/** The leaf a record's stored metadata gives (what was hashed when it was appended). */
export function leafDataOfRow(row: ArchiveRecordTable): Buffer {
  if (row.type === PURGE_RECORD_TYPE) {
    const attrs = JSON.parse(row.attrs) as { reason: string; firstSeq: number; lastSeq: number; removedRoot: string };
    return purgeLeafData({
      orgId: row.org_id,
      seq: Number(row.seq),
      at: row.at,
      actorId: row.actor_id,
      reason: attrs.reason,
      scope: 'content',
      firstSeq: attrs.firstSeq,
      lastSeq: attrs.lastSeq,
      count: attrs.lastSeq - attrs.firstSeq + 1,
      removedRoot: fromHex(attrs.removedRoot, 'removed root'),
    });
  }
  return recordLeafData({
    orgId: row.org_id,
    seq: Number(row.seq),
    type: row.type,
    at: row.at,
    conversationId: row.conversation_id,
    actorId: row.actor_id,
    contentHash: row.content_hash,
    attrs: JSON.parse(row.attrs) as { [key: string]: JsonValue },
  });
}

/** The record's content as stored in plain text (decrypted when it was encrypted at rest). */
export function plainContent(ctx: Pick<Ctx, 'config'>, row: ArchiveRecordTable): string | null {
  if (row.content === null) return null;
  if (!row.content.startsWith('v1.')) return row.content;
  const keyring = archiveKeys(ctx.config).bodies;
  if (!keyring) throw new Error('the record is encrypted and CONCORD_ARCHIVE_KEYS is not set');
  return decryptBodyText(keyring, row.content, { orgId: row.org_id, recordId: row.id });
}

export async function verifyArchive(ctx: Ctx, orgId: string): Promise<VerifyReport> {
  const broken = (
    problem: VerifyProblem,
    row: ArchiveRecordTable | null,
    detail: string,
    seq?: number,
  ): VerifyReport => ({
    orgId,
    status: 'broken',
    problem,
    seq: seq ?? (row ? Number(row.seq) : null),
    recordId: row?.id ?? null,
    detail,
  });
  const checkpoints = await ctx.db
    .selectFrom('archive_checkpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('size')
    .execute();
  const signing = archiveKeys(ctx.config).signing;
  const frontier = MerkleFrontier.empty();
  let next = 1;
  let checkpointAt = 0;
  // Records whose content is gone must be covered by a purge record that states it.
  const contentGone: { seq: number; id: string }[] = [];
  const purged: { firstSeq: number; lastSeq: number }[] = [];
  const checkRoots = (): VerifyReport | null => {
    while (checkpointAt < checkpoints.length && Number(checkpoints[checkpointAt]?.size) === frontier.size) {
      const cp = checkpoints[checkpointAt++];
      if (!cp) break;
      if (signing) {
        try {
          const verified = verifyCheckpoint(cp.note, publicKeyFrom(signing), archiveOrigin(orgId));
          if (verified.size !== Number(cp.size) || toHex(verified.rootHash) !== cp.root_hash) {
            return broken(
              'bad_checkpoint',
              null,
              `checkpoint ${cp.id} does not say what its row says`,
              Number(cp.size),
            );
          }
        } catch (err) {
          return broken(
            'bad_checkpoint',
            null,
            `checkpoint ${cp.id}: ${err instanceof Error ? err.message : 'invalid'}`,
          );
        }
      }
      if (toHex(frontier.root()) !== cp.root_hash) {
        return broken(
          'root_mismatch',
          null,
          `the first ${cp.size} records do not give the root signed at ${cp.created_at}: records before it were changed`,
          Number(cp.size),
        );
      }
    }
    return null;
  };
  for (;;) {
    const rows = await ctx.db
      .selectFrom('archive_records')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('seq', '>=', next)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== next) return broken(seq > next ? 'removed' : 'reordered', row, `record ${next} is missing`, next);
      const leafHash = hashLeaf(leafDataOfRow(row));
      if (toHex(leafHash) !== row.leaf_hash) return broken('altered', row, 'its metadata does not match its leaf hash');
      let content: string | null;
      try {
        content = plainContent(ctx, row);
      } catch (err) {
        return broken(
          'content_altered',
          row,
          `its content cannot be read: ${err instanceof Error ? err.message : 'unreadable'}`,
        );
      }
      if (content !== null && contentHash(content) !== row.content_hash) {
        return broken('content_altered', row, 'its content does not match its content hash');
      }
      if (content === null && row.content_hash !== null) contentGone.push({ seq, id: row.id });
      if (row.type === PURGE_RECORD_TYPE) purged.push(JSON.parse(row.attrs) as { firstSeq: number; lastSeq: number });
      frontier.append(fromHex(row.leaf_hash, 'leaf hash'));
      next = seq + 1;
      const failed = checkRoots();
      if (failed) return failed;
    }
    if (rows.length < PAGE) break;
  }
  const unexplained = contentGone.find((g) => !purged.some((p) => p.firstSeq <= g.seq && g.seq <= p.lastSeq));
  if (unexplained) {
    return {
      orgId,
      status: 'broken',
      problem: 'content_removed',
      seq: unexplained.seq,
      recordId: unexplained.id,
      detail: 'its content is gone and no purge record states it',
    };
  }
  const head = await ctx.db.selectFrom('archive_heads').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  const size = next - 1;
  if (head && Number(head.size) !== size) {
    return broken('removed', null, `the head counts ${head.size} records, the archive holds ${size}`, size + 1);
  }
  if (head && head.root_hash !== toHex(frontier.root())) {
    return broken('root_mismatch', null, 'the records do not give the head root');
  }
  if (checkpointAt < checkpoints.length) {
    return broken(
      'removed',
      null,
      `a checkpoint covers ${checkpoints.at(-1)?.size} records, the archive holds ${size}`,
      size + 1,
    );
  }
  return { orgId, status: 'intact', count: size, headHash: toHex(frontier.root()), checkpoints: checkpoints.length };
}
