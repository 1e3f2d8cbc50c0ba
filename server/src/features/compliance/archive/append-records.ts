/**
 * Appends records to an org's archive inside the caller's transaction. The org's head row is
 * locked first (PostgreSQL row lock; SQLite has one writer), so seqs are consecutive and the
 * Merkle frontier moves one record at a time. A record whose source was archived before is
 * skipped, which makes every caller safely repeatable.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { encryptBody } from '../archive-core/body-cipher.js';
import { canonicalJson, type JsonValue } from '../archive-core/canonical-json.js';
import { fromHex, toHex } from '../archive-core/encoding.js';
import { MerkleFrontier } from '../archive-core/merkle.js';
import { hashLeaf } from '../archive-core/merkle-hash.js';
import { contentHash, purgeLeafData, recordLeafData } from '../archive-core/record-hash.js';
import { archiveKeys } from './archive-keys.js';

export type NewArchiveRecord = {
  /** Unique per org: where the record comes from (`ev:<conversation>:<seq>`, `hide:<message>:<member>`). */
  sourceKey: string;
  type: string;
  at: string;
  conversationId: string | null;
  actorId: string | null;
  messageId: string | null;
  attrs: { [key: string]: JsonValue };
  content: JsonValue | null;
  /** Set on the record that states what a retention purge removed (type `archive.purged`). */
  purge?: PurgeStatement;
};

/** A contiguous span of records whose content a purge dropped, and the root of their leaves. */
export type PurgeStatement = { reason: string; firstSeq: number; lastSeq: number; removedRoot: Buffer };

export const PURGE_RECORD_TYPE = 'archive.purged';

export type AppendedRecord = { id: string; seq: number; orgId: string; record: NewArchiveRecord };

type Head = { size: number; frontier: MerkleFrontier };

async function lockHead(ctx: Pick<Ctx, 'dialect' | 'clock'>, tx: Kysely<Database>, orgId: string): Promise<Head> {
  await tx
    .insertInto('archive_heads')
    .values({
      org_id: orgId,
      size: 0,
      frontier: '[]',
      root_hash: toHex(MerkleFrontier.empty().root()),
      updated_at: ctx.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  let query = tx.selectFrom('archive_heads').selectAll().where('org_id', '=', orgId);
  if (ctx.dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  const nodes = (JSON.parse(row.frontier) as string[]).map((hex) => fromHex(hex, 'frontier node'));
  return { size: Number(row.size), frontier: MerkleFrontier.fromState({ size: Number(row.size), nodes }) };
}

export async function appendArchiveRecords(
  ctx: Pick<Ctx, 'dialect' | 'clock' | 'ids' | 'config'>,
  tx: Kysely<Database>,
  orgId: string,
  records: readonly NewArchiveRecord[],
): Promise<AppendedRecord[]> {
  if (records.length === 0) return [];
  const head = await lockHead(ctx, tx, orgId);
  const known = new Set(
    (
      await tx
        .selectFrom('archive_records')
        .select('source_key')
        .where('org_id', '=', orgId)
        .where(
          'source_key',
          'in',
          records.map((r) => r.sourceKey),
        )
        .execute()
    ).map((r) => r.source_key),
  );
  const keyring = archiveKeys(ctx.config).bodies;
  const out: AppendedRecord[] = [];
  for (const record of records) {
    if (known.has(record.sourceKey)) continue;
    known.add(record.sourceKey);
    const seq = head.size + 1;
    const id = ctx.ids.next();
    const contentText = record.content === null ? null : canonicalJson(record.content);
    const hash = contentText === null ? null : contentHash(contentText);
    const leafData = record.purge
      ? purgeLeafData({
          orgId,
          seq,
          at: record.at,
          actorId: record.actorId,
          reason: record.purge.reason,
          scope: 'content',
          firstSeq: record.purge.firstSeq,
          lastSeq: record.purge.lastSeq,
          count: record.purge.lastSeq - record.purge.firstSeq + 1,
          removedRoot: record.purge.removedRoot,
        })
      : recordLeafData({
          orgId,
          seq,
          type: record.type,
          at: record.at,
          conversationId: record.conversationId,
          actorId: record.actorId,
          contentHash: hash,
          attrs: record.attrs,
        });
    const leafHash = hashLeaf(leafData);
    head.frontier.append(leafHash);
    head.size = seq;
    await tx
      .insertInto('archive_records')
      .values({
        id,
        org_id: orgId,
        seq,
        type: record.type,
        at: record.at,
        conversation_id: record.conversationId,
        actor_id: record.actorId,
        message_id: record.messageId,
        source_key: record.sourceKey,
        attrs: canonicalJson(record.attrs),
        content_hash: hash,
        leaf_hash: toHex(leafHash),
        content:
          contentText === null
            ? null
            : keyring
              ? encryptBody(keyring, contentText, { orgId, recordId: id })
              : contentText,
        purged_at: null,
      })
      .execute();
    out.push({ id, seq, orgId, record });
  }
  if (out.length > 0) {
    await tx
      .updateTable('archive_heads')
      .set({
        size: head.size,
        frontier: JSON.stringify(head.frontier.state().nodes.map(toHex)),
        root_hash: toHex(head.frontier.root()),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('org_id', '=', orgId)
      .execute();
  }
  return out;
}
