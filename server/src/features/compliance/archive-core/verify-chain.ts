/**
 * Checks a whole org log as the archive holds it — some records complete, some with content
 * purged, some reduced to their leaf hash — and explains the gaps by the purge records in it.
 * It proves: every kept leaf is well-formed and in its place, every kept content matches its
 * hash, every missing piece lies in a span a later purge record names (with the right count and
 * the root of exactly those leaf hashes), and the leaves give the expected root.
 */
import { sameBytes } from './encoding.js';
import { ArchiveCoreError } from './errors.js';
import { treeRoot } from './merkle.js';
import { hashLeaf } from './merkle-hash.js';
import { contentHash, type ParsedLeaf, type PurgeScope, parseLeafData } from './record-hash.js';

export type ChainEntry = {
  /** The record's leaf data, while the archive still holds its metadata. */
  leafData?: Uint8Array;
  /** The record's leaf hash: all that is left after a "record" purge; checked against leafData if both. */
  leafHash?: Uint8Array;
  /** The record's content, when held; undefined when purged or not loaded. */
  content?: Uint8Array;
};

export type ChainOptions = {
  orgId: string;
  /** The root to arrive at, e.g. from a verified checkpoint of the same size. */
  rootHash?: Uint8Array;
  /** Whether every record with a contentHash must come with its content unless a purge covers it. */
  requireContent?: boolean;
};

export type PurgeSpan = { seq: number; firstSeq: number; lastSeq: number; scope: PurgeScope; reason: string };

export type ChainReport = { size: number; rootHash: Buffer; purges: PurgeSpan[] };

const broken = (seq: number, why: string) => new ArchiveCoreError('not_verified', `seq ${seq}: ${why}`);

function leafOf(entry: ChainEntry, seq: number): { leafHash: Buffer; leaf: ParsedLeaf | null } {
  if (entry.leafData === undefined) {
    if (entry.leafHash === undefined) throw broken(seq, 'neither leaf data nor leaf hash');
    return { leafHash: Buffer.from(entry.leafHash), leaf: null };
  }
  const leafHash = hashLeaf(entry.leafData);
  if (entry.leafHash !== undefined && !sameBytes(leafHash, entry.leafHash)) {
    throw broken(seq, 'the stored leaf hash does not match the leaf data');
  }
  let leaf: ParsedLeaf;
  try {
    leaf = parseLeafData(entry.leafData);
  } catch (error) {
    throw broken(seq, error instanceof Error ? error.message : 'unreadable leaf data');
  }
  return { leafHash, leaf };
}

/**
 * Verifies the entries of one org's log, ordered by seq from 1. Throws ArchiveCoreError
 * ('not_verified') naming the first seq at fault; returns the size, root and purge spans.
 */
export function verifyArchiveChain(entries: readonly ChainEntry[], options: ChainOptions): ChainReport {
  const leafHashes: Buffer[] = [];
  const leaves: (ParsedLeaf | null)[] = [];
  const purges: PurgeSpan[] = [];
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    const { leafHash, leaf } = leafOf(entry, seq);
    if (leaf) {
      if (leaf.orgId !== options.orgId) throw broken(seq, `the leaf belongs to org ${leaf.orgId}`);
      if (leaf.seq !== seq) throw broken(seq, `the leaf says seq ${leaf.seq}`);
      if (leaf.kind === 'purge') {
        const span = leafHashes.slice(leaf.firstSeq - 1, leaf.lastSeq);
        if (!sameBytes(treeRoot(span), leaf.removedRoot)) {
          throw broken(seq, `the purge's removedRoot is not the root of leaves ${leaf.firstSeq}…${leaf.lastSeq}`);
        }
        purges.push({ seq, firstSeq: leaf.firstSeq, lastSeq: leaf.lastSeq, scope: leaf.scope, reason: leaf.reason });
      } else if (entry.content !== undefined) {
        if (leaf.contentHash === null) throw broken(seq, 'content is held for a record without content');
        if (contentHash(entry.content) !== leaf.contentHash) throw broken(seq, 'the content does not match its hash');
      }
    } else if (entry.content !== undefined) {
      throw broken(seq, 'content is held but the leaf data is gone');
    }
    leafHashes.push(leafHash);
    leaves.push(leaf);
  }

  const coveredBy = (seq: number, scopes: readonly PurgeScope[]) =>
    purges.some((p) => p.firstSeq <= seq && seq <= p.lastSeq && scopes.includes(p.scope));
  for (const [index, leaf] of leaves.entries()) {
    const seq = index + 1;
    if (leaf === null && !coveredBy(seq, ['record']))
      throw broken(seq, 'the leaf data is missing and no purge explains it');
    const contentMissing =
      leaf?.kind === 'record' && leaf.contentHash !== null && entries[index]?.content === undefined;
    if (options.requireContent && contentMissing && !coveredBy(seq, ['content', 'record'])) {
      throw broken(seq, 'the content is missing and no purge explains it');
    }
  }

  const rootHash = treeRoot(leafHashes);
  if (options.rootHash !== undefined && !sameBytes(rootHash, options.rootHash)) {
    throw new ArchiveCoreError('not_verified', `the ${entries.length} leaves do not give the expected root`);
  }
  return { size: entries.length, rootHash, purges };
}
