/** What a search asks of the doc index (find-docs.ts) and the doc rows it answers with. */
import type { ArchiveSearchDocTable } from '../../../platform/db/schema.js';
import type { SearchQuery } from '../search-core/tokenize.js';

export type DocRow = Omit<ArchiveSearchDocTable, 'tokens' | 'walk_sig'>;

export type DocQuery = {
  orgId: string;
  /** The text to find; null lists by filters alone. */
  text: SearchQuery | null;
  /** Each group: the doc carries at least one of these tags; every group must hold. */
  tagGroups: readonly (readonly string[])[];
  /** Lowest doc id (inclusive) and highest (exclusive): the time range and the cursor. */
  fromId: number;
  toId: number;
  limit: number;
  /** A member, conversation or external participant is named: few candidates, no time windows. */
  narrow?: boolean;
  /** The one member or conversation named, whose docs PostgreSQL may walk newest first. */
  walk?: { column: 'sender_id' | 'conversation_id'; id: string };
  /** How many newest docs PostgreSQL walks before looking in its index (default 2000). */
  walkDocs?: number;
  /** PostgreSQL: hits a window may be expected to read before it is named by months (default 150). */
  monthReads?: number;
  /** SQLite: below this many text hits in a partition, a scope is checked on rows (default 500). */
  fewTextHits?: number;
};

export const DOC_COLUMNS = [
  'doc_id',
  'org_id',
  'record_id',
  'record_seq',
  'type',
  'at',
  'conversation_id',
  'message_id',
  'sender_id',
  'external',
  'department_ids',
  'guest_ids',
] as const;

export const normaliseDoc = (row: DocRow): DocRow => ({
  ...row,
  doc_id: Number(row.doc_id),
  record_seq: Number(row.record_seq),
  external: Number(row.external),
});
