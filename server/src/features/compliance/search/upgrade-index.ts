/**
 * Brings an archive search index made by an older version up to the current one, as background
 * work while the server answers, in batches that each commit with the doc id to go on from, so an
 * interrupted upgrade resumes. Two upgrades, run in this order when pending:
 *   - joined-runs (migration 0013): docs indexed before pair tokens are re-tokenized from their
 *     archived text, so "Q3" finds them as it finds new ones (meanwhile searches find older
 *     records by their words and numbers, not yet by their pairs). Only docs whose text has
 *     touching letter and digit runs change.
 *   - walk-signatures (migration 0024, PostgreSQL): docs indexed before get their walk signature
 *     (walk-signature.ts) from their archived text; until then a walk reads their rows.
 * A record whose content was purged has no doc, and one encrypted with a key the server no longer
 * holds keeps its old tokens and no signature (its words and numbers are still found, and it
 * cannot be shown either).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import { archiveKeys } from '../archive/archive-keys.js';
import { decryptBodyText } from '../archive-core/body-cipher.js';
import { joinsRuns } from '../search-core/tokenize.js';
import { ftsPartitionOf, ftsPartitions, ftsTableName } from './fts-partitions.js';
import { docText } from './index-records.js';
import { recordText, textPieces } from './record-text.js';
import { docSignature } from './walk-signature.js';

export const JOINED_RUNS_UPGRADE = 'joined-runs';
export const WALK_SIGNATURES_UPGRADE = 'walk-signatures';

/** Which docs an upgrade rewrites, and whether their tokens change or only their walk signature. */
type Upgrade = { name: string; picks: (pieces: string[]) => boolean; tokens: boolean };
const UPGRADES: readonly Upgrade[] = [
  { name: JOINED_RUNS_UPGRADE, picks: (pieces) => pieces.some(joinsRuns), tokens: true },
  { name: WALK_SIGNATURES_UPGRADE, picks: () => true, tokens: false },
];
const BATCH = 1000;

export type UpgradeStep = { rewritten: number; done: boolean };

type UpgradeCtx = Pick<Ctx, 'db' | 'dialect' | 'config' | 'log'>;

type Row = {
  doc_id: number;
  type: string;
  at: string;
  conversation_id: string;
  sender_id: string | null;
  department_ids: string;
  guest_ids: string;
  org_id: string;
  record_id: string;
  content: string | null;
};

/** The searchable pieces of a doc's record, or null when its content is gone or unreadable. */
function piecesOf(ctx: Pick<Ctx, 'config'>, row: Row): string[] | null {
  if (row.content === null) return null;
  try {
    let content = row.content;
    if (content.startsWith('v1.')) {
      const keyring = archiveKeys(ctx.config).bodies;
      if (!keyring) return null;
      content = decryptBodyText(keyring, content, { orgId: row.org_id, recordId: row.record_id });
    }
    return textPieces(recordText(row.type, JSON.parse(content) as unknown));
  } catch {
    return null;
  }
}

/** The doc's token text now: its tags as they were written, then the tokens of its pieces. */
function textOf(row: Row, pieces: string[]): string {
  return docText({
    at: row.at,
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    external: false,
    departmentIds: JSON.parse(row.department_ids) as string[],
    guestIds: JSON.parse(row.guest_ids) as string[],
    pieces,
  });
}

/**
 * Replaces the index entries of these docs (PostgreSQL: one statement, the walk signature always
 * with the tokens; FTS5: delete and insert each, and it has no signatures).
 */
async function rewrite(
  ctx: UpgradeCtx,
  tx: UpgradeCtx['db'],
  upgrade: Upgrade,
  docs: { id: number; text: string }[],
): Promise<void> {
  if (docs.length === 0) return;
  if (ctx.dialect === 'postgres') {
    const tokens = upgrade.tokens ? sql`tokens = to_tsvector('simple', u.text),` : sql``;
    await sql`UPDATE archive_search_docs AS d SET ${tokens} walk_sig = u.sig::bit(512)
              FROM unnest(${docs.map((d) => d.id)}::bigint[], ${docs.map((d) => d.text)}::text[],
                          ${docs.map((d) => docSignature(d.text))}::text[]) AS u(id, text, sig)
              WHERE d.doc_id = u.id`.execute(tx);
    return;
  }
  if (!upgrade.tokens) return;
  for (const { id, text } of docs) {
    const fts = sql.table(ftsTableName(ftsPartitionOf(id)));
    await sql`DELETE FROM ${fts} WHERE rowid = ${id}`.execute(tx);
    await sql`INSERT INTO ${fts} (rowid, body) VALUES (${id}, ${text})`.execute(tx);
  }
}

/**
 * Runs up to `maxBatches` batches of the pending upgrades, in order; `done` once nothing is
 * pending (each upgrade's row is then gone and the index tidied after it).
 */
export async function upgradeSearchIndexStep(
  ctx: UpgradeCtx,
  { maxBatches = Number.POSITIVE_INFINITY, batchSize = BATCH } = {},
): Promise<UpgradeStep> {
  let rewritten = 0;
  let batches = 0;
  for (const upgrade of UPGRADES) {
    const step = await runUpgrade(ctx, upgrade, maxBatches - batches, batchSize);
    rewritten += step.rewritten;
    batches += step.batches;
    if (!step.done) return { rewritten, done: false };
  }
  return { rewritten, done: true };
}

async function runUpgrade(ctx: UpgradeCtx, upgrade: Upgrade, maxBatches: number, batchSize: number) {
  const pending = await ctx.db
    .selectFrom('archive_search_upgrades')
    .select('next_doc_id')
    .where('name', '=', upgrade.name)
    .executeTakeFirst();
  if (!pending) return { rewritten: 0, batches: 0, done: true };
  let next = Number(pending.next_doc_id);
  let rewritten = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows: Row[] = await ctx.db
      .selectFrom('archive_search_docs as d')
      .innerJoin('archive_records as r', 'r.id', 'd.record_id')
      .select(['d.doc_id', 'd.type', 'd.at', 'd.conversation_id', 'd.sender_id', 'd.department_ids', 'd.guest_ids'])
      .select(['r.org_id', 'r.id as record_id', 'r.content'])
      .where('d.doc_id', '>=', next)
      // Docs indexed since the migration were signed as they were written.
      .$if(!upgrade.tokens, (qb) => qb.where('d.walk_sig', 'is', null))
      .orderBy('d.doc_id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) {
      await finishUpgrade(ctx, upgrade);
      return { rewritten, batches: batch, done: true };
    }
    next = Number((rows.at(-1) as Row).doc_id) + 1;
    const changed = rows.flatMap((row) => {
      const pieces = piecesOf(ctx, row);
      return pieces && upgrade.picks(pieces) ? [{ id: Number(row.doc_id), text: textOf(row, pieces) }] : [];
    });
    await ctx.db.transaction().execute(async (tx) => {
      await rewrite(ctx, tx, upgrade, changed);
      await tx
        .updateTable('archive_search_upgrades')
        .set({ next_doc_id: next })
        .where('name', '=', upgrade.name)
        .execute();
    });
    rewritten += changed.length;
  }
  return { rewritten, batches: maxBatches, done: false };
}

async function finishUpgrade(ctx: UpgradeCtx, upgrade: Upgrade): Promise<void> {
  if (!upgrade.tokens) {
    // Signatures are no GIN entries: nothing to tidy.
  } else if (ctx.dialect === 'postgres') {
    // The rewritten entries wait in the GIN index's pending list, which every search would scan,
    // and the planner has never seen the new tokens: move them into the index and re-sample.
    await sql`SELECT gin_clean_pending_list('archive_search_docs_tokens'::regclass)`.execute(ctx.db);
    await sql`ANALYZE archive_search_docs`.execute(ctx.db);
  } else {
    // Each rewrite left a delete and an insert in the FTS5 segments: merge them.
    for (const partition of await ftsPartitions(ctx.db)) {
      const table = sql.table(ftsTableName(partition));
      await sql`INSERT INTO ${table} (${table}) VALUES ('optimize')`.execute(ctx.db);
    }
  }
  await ctx.db.deleteFrom('archive_search_upgrades').where('name', '=', upgrade.name).execute();
}

/** Runs the pending upgrades to their end; returns how many docs were rewritten. */
export async function upgradeSearchIndex(ctx: UpgradeCtx): Promise<number> {
  return (await upgradeSearchIndexStep(ctx)).rewritten;
}
