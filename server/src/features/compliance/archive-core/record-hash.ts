/**
 * What an archive record puts into the Merkle log. A leaf commits to the record's METADATA and to
 * the SHA-256 of its content, never to the content itself: retention may later delete a message
 * body, and every proof and root must still verify afterwards.
 *
 * Design: leaves are never removed from the tree. Purging drops content (and, with scope
 * "record", the metadata too) from storage, but each record's leaf hash is kept forever and the
 * purge itself is appended as one more record that names the span it emptied, how many records
 * that is, and the Merkle root of their leaf hashes. Old checkpoints and proofs stay valid, a
 * verifier can tell purged records from missing ones (verify-chain.ts), and the kept leaf hashes
 * of a span can be checked against what the purge record committed to.
 *
 * Leaf data = UTF-8 bytes of canonicalJson(fields) (canonical-json.ts, = RFC 8785), fields:
 *
 *   record: {"actorId":…,"at":…,"attrs":{…},"contentHash":…,"conversationId":…,"kind":"record",
 *            "orgId":…,"seq":…,"type":…,"v":1}
 *   purge:  {"actorId":…,"at":…,"count":…,"firstSeq":…,"kind":"purge","lastSeq":…,"orgId":…,
 *            "reason":…,"removedRoot":…,"scope":…,"seq":…,"v":1}
 *
 * Every field is always present (null, never omitted). seq is the 1-based position in the org's
 * log, so the leaf index is seq − 1. at is ISO-8601 UTC ending in "Z". contentHash and
 * removedRoot are lower-case hex; contentHash = SHA-256 of the content bytes (UTF-8 for text),
 * null for a record without content.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalJsonBytes, type JsonValue } from './canonical-json.js';
import { fromHex, toHex } from './encoding.js';
import { ArchiveCoreError } from './errors.js';
import { hashLeaf } from './merkle-hash.js';

export { canonicalJson, canonicalJsonBytes, type JsonValue } from './canonical-json.js';

/** The `v` field of every leaf this code writes. */
export const LEAF_FORMAT_VERSION = 1;

export type ArchiveRecordMeta = {
  orgId: string;
  /** 1-based position in the org's log. */
  seq: number;
  /** What happened, e.g. "message.created". */
  type: string;
  /** When, as ISO-8601 UTC ("2025-03-01T08:00:00.000Z"). */
  at: string;
  conversationId: string | null;
  actorId: string | null;
  /** contentHash(content), or null when the record has no content. */
  contentHash: string | null;
  /** Further metadata of the record type (message id, edit target…); {} when none. */
  attrs?: { [key: string]: JsonValue };
};

/** What a purge dropped for each record of its span: the content only, or the metadata too. */
export type PurgeScope = 'content' | 'record';

export type PurgeRecordMeta = {
  orgId: string;
  /** The purge record's own seq; the span lies before it. */
  seq: number;
  at: string;
  /** Who purged, or null for the retention job. */
  actorId: string | null;
  /** Why, e.g. "retention:365d" or "legal:erasure-request/42". */
  reason: string;
  scope: PurgeScope;
  firstSeq: number;
  lastSeq: number;
  /** lastSeq − firstSeq + 1, stated for readers. */
  count: number;
  /** MTH of the leaf hashes of records firstSeq…lastSeq. */
  removedRoot: Uint8Array;
};

export type ParsedLeaf =
  | ({ kind: 'record' } & Required<ArchiveRecordMeta>)
  | ({ kind: 'purge' } & Omit<PurgeRecordMeta, 'removedRoot'> & { removedRoot: Buffer });

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const HEX_HASH = /^[0-9a-f]{64}$/;

const invalid = (message: string) => new ArchiveCoreError('invalid_input', message);

/** Lower-case hex SHA-256 of a record's content (text is hashed as UTF-8). */
export function contentHash(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The leaf index of a record: seq − 1. */
export function leafIndexOfSeq(seq: number): number {
  return seq - 1;
}

function assertText(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw invalid(`${field} is a non-empty string`);
}

function assertOptionalText(value: unknown, field: string): asserts value is string | null {
  if (value !== null) assertText(value, field);
}

function assertSeq(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw invalid(`${field} is an integer ≥ 1`);
}

function assertAt(value: unknown): asserts value is string {
  if (typeof value !== 'string' || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid('at is an ISO-8601 UTC time ending in "Z"');
  }
}

function assertCommon(meta: { orgId: unknown; seq: unknown; at: unknown; actorId: unknown }): void {
  assertText(meta.orgId, 'orgId');
  assertSeq(meta.seq, 'seq');
  assertAt(meta.at);
  assertOptionalText(meta.actorId, 'actorId');
}

function recordFields(meta: ArchiveRecordMeta): Record<string, JsonValue> {
  assertCommon(meta);
  assertText(meta.type, 'type');
  assertOptionalText(meta.conversationId, 'conversationId');
  if (meta.contentHash !== null && (typeof meta.contentHash !== 'string' || !HEX_HASH.test(meta.contentHash))) {
    throw invalid('contentHash is 64 lower-case hex digits or null');
  }
  const attrs = meta.attrs ?? {};
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) throw invalid('attrs is an object');
  return {
    v: LEAF_FORMAT_VERSION,
    kind: 'record',
    orgId: meta.orgId,
    seq: meta.seq,
    type: meta.type,
    at: meta.at,
    conversationId: meta.conversationId,
    actorId: meta.actorId,
    contentHash: meta.contentHash,
    attrs,
  };
}

function purgeFields(meta: PurgeRecordMeta): Record<string, JsonValue> {
  assertCommon(meta);
  assertText(meta.reason, 'reason');
  if (meta.scope !== 'content' && meta.scope !== 'record') throw invalid('scope is "content" or "record"');
  assertSeq(meta.firstSeq, 'firstSeq');
  assertSeq(meta.lastSeq, 'lastSeq');
  if (meta.firstSeq > meta.lastSeq || meta.lastSeq >= meta.seq) {
    throw invalid('a purge names a span firstSeq ≤ lastSeq before its own seq');
  }
  if (meta.count !== meta.lastSeq - meta.firstSeq + 1) throw invalid('count is lastSeq − firstSeq + 1');
  if (!(meta.removedRoot instanceof Uint8Array) || meta.removedRoot.length !== 32)
    throw invalid('removedRoot has 32 bytes');
  return {
    v: LEAF_FORMAT_VERSION,
    kind: 'purge',
    orgId: meta.orgId,
    seq: meta.seq,
    at: meta.at,
    actorId: meta.actorId,
    reason: meta.reason,
    scope: meta.scope,
    firstSeq: meta.firstSeq,
    lastSeq: meta.lastSeq,
    count: meta.count,
    removedRoot: toHex(meta.removedRoot),
  };
}

/** The leaf data of a record (see the file header for the exact bytes). */
export function recordLeafData(meta: ArchiveRecordMeta): Buffer {
  return canonicalJsonBytes(recordFields(meta));
}

/** The leaf data of a purge record. */
export function purgeLeafData(meta: PurgeRecordMeta): Buffer {
  return canonicalJsonBytes(purgeFields(meta));
}

/** hashLeaf(recordLeafData(meta)). */
export function recordLeafHash(meta: ArchiveRecordMeta): Buffer {
  return hashLeaf(recordLeafData(meta));
}

/**
 * Reads leaf data back, refusing anything this module would not have written byte for byte
 * (not canonical, unknown version, missing or extra fields). Throws ArchiveCoreError('malformed').
 */
export function parseLeafData(leafData: Uint8Array): ParsedLeaf {
  const text = Buffer.from(leafData.buffer, leafData.byteOffset, leafData.byteLength).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArchiveCoreError('malformed', 'leaf data is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArchiveCoreError('malformed', 'leaf data is not a JSON object');
  }
  const fields = value as Record<string, unknown>;
  if (fields.v !== LEAF_FORMAT_VERSION)
    throw new ArchiveCoreError('malformed', `unknown leaf format ${String(fields.v)}`);
  try {
    let parsed: ParsedLeaf;
    let rewritten: string;
    if (fields.kind === 'record') {
      const meta = fields as unknown as Required<ArchiveRecordMeta>;
      parsed = { ...meta, kind: 'record' };
      rewritten = canonicalJson(recordFields(meta));
    } else if (fields.kind === 'purge') {
      const removedRoot = fromHex(String(fields.removedRoot), 'removedRoot');
      const meta = { ...(fields as unknown as PurgeRecordMeta), removedRoot };
      parsed = { ...meta, kind: 'purge' };
      rewritten = canonicalJson(purgeFields(meta));
    } else {
      throw new ArchiveCoreError('malformed', `unknown leaf kind ${String(fields.kind)}`);
    }
    if (rewritten !== text) throw new ArchiveCoreError('malformed', 'leaf data is not in canonical form');
    const { v: _version, ...rest } = parsed as ParsedLeaf & { v?: number };
    return rest as ParsedLeaf;
  } catch (error) {
    if (error instanceof ArchiveCoreError && error.code === 'invalid_input') {
      throw new ArchiveCoreError('malformed', `leaf data: ${error.message}`);
    }
    throw error;
  }
}
