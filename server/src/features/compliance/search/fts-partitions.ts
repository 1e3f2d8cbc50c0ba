/**
 * SQLite keeps the archive's full-text index in one FTS5 table per span of 2^33 ms (~99 days) of
 * doc ids, made when its first record arrives. FTS5 walks a term's doclist from one end to reach
 * a rowid bound, so in a single table a period far back, or a late page, of a word in every other
 * message would read most of that word's postings; split by time, a search reads the newest table
 * from its end and a period only the tables it overlaps. A delete trigger per table takes a doc's
 * entry out when its row goes (retention).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { DOC_SLOTS } from './doc-keys.js';

/** Doc ids per table: 2^33 ms, about a quarter. */
export const FTS_PARTITION_IDS = 2 ** 33 * DOC_SLOTS;

export const ftsPartitionOf = (docId: number): number => Math.floor(docId / FTS_PARTITION_IDS);

export const ftsTableName = (partition: number): string => `archive_search_fts_${partition}`;

const TABLE = /^archive_search_fts_(\d+)$/;

/** The statements that make a partition's table and its delete trigger (idempotent). */
export function ftsPartitionDdl(partition: number): string[] {
  const table = ftsTableName(partition);
  const from = partition * FTS_PARTITION_IDS;
  const to = from + FTS_PARTITION_IDS;
  return [
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5(body, tokenize = 'ascii', content = '', contentless_delete = 1)`,
    `CREATE TRIGGER IF NOT EXISTS ${table}_unindex AFTER DELETE ON archive_search_docs
       WHEN OLD.doc_id >= ${from} AND OLD.doc_id < ${to}
       BEGIN DELETE FROM ${table} WHERE rowid = OLD.doc_id; END`,
  ];
}

export async function ensureFtsPartition(db: Kysely<Database>, partition: number): Promise<void> {
  for (const statement of ftsPartitionDdl(partition)) await sql.raw(statement).execute(db);
}

/** The partitions that exist, newest first. */
export async function ftsPartitions(db: Kysely<Database>): Promise<number[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'archive_search_fts_[0-9]*'`.execute(db);
  return rows
    .flatMap((r) => {
      const match = TABLE.exec(r.name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => b - a);
}
