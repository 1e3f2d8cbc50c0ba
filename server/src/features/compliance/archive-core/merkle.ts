/**
 * The archive's Merkle log, exactly as RFC 9162 (Certificate Transparency v2) §2.1 defines it,
 * so any CT tooling — or the 30-line script in VERIFYING.md — can check our proofs:
 *
 *   leaf hash   = SHA-256(0x00 || leaf data)
 *   node hash   = SHA-256(0x01 || left || right)
 *   MTH({})     = SHA-256("")
 *   MTH(D[n])   = node hash of MTH(D[0:k]) and MTH(D[k:n]), k the largest power of two < n
 *
 * Proof elements are subtree hashes MTH(D[start:end]); the proof algorithms are written once as
 * lists of leaf ranges (`inclusionProofRanges`, `consistencyProofRanges`) and then hashed from an
 * in-memory array of leaf hashes or streamed from storage through a `LeafHashReader`.
 * `MerkleFrontier` (merkle-frontier.ts) keeps the root current while appending in O(log n) memory.
 *
 * Sizes and indices are plain numbers: any safe integer works (no 32-bit bit operations).
 */
import { type PublicKeyInput, type VerifiedCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { fromBase64, sameBytes, toBase64 } from './encoding.js';
import { ArchiveCoreError } from './errors.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { emptyRoot, hashChildren, hashLeaf, isHash } from './merkle-hash.js';

export { MerkleFrontier, type MerkleFrontierState } from './merkle-frontier.js';
export { emptyRoot, HASH_SIZE, hashChildren, hashLeaf } from './merkle-hash.js';

/** Leaves [start, end): one proof element is the subtree hash MTH(D[start:end]) of such a range. */
export type LeafRange = { start: number; end: number };

/** Fetches the leaf hashes of leaves [start, end), in order — from an array, a table, a file. */
export type LeafHashReader = (start: number, end: number) => Promise<readonly Uint8Array[]> | readonly Uint8Array[];

export type ReaderOptions = {
  /** How many leaf hashes to ask the reader for at once (default 4096). Memory is O(batch + log n). */
  batchSize?: number;
};

/** The largest power of two strictly below n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const half = (x: number) => Math.floor(x / 2);
const isOdd = (x: number) => x % 2 === 1;
const isSize = (x: number) => Number.isSafeInteger(x) && x >= 0;

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

function assertSize(value: number, what: string): void {
  if (!isSize(value)) throw new ArchiveCoreError('invalid_input', `${what} must be a non-negative safe integer`);
}

/**
 * The ranges whose subtree hashes form the inclusion proof of leaf `index` in a tree of `size`
 * leaves, in proof order (from the leaf's sibling up to the root's child): PATH(m, D[n]) of
 * RFC 9162 §2.1.3.1.
 */
export function inclusionProofRanges(index: number, size: number): LeafRange[] {
  assertSize(size, 'tree size');
  if (!isSize(index) || index >= size)
    throw new ArchiveCoreError('invalid_input', `leaf ${index} is not in a tree of ${size}`);
  const topDown: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      topDown.push({ start: start + k, end });
      end = start + k;
    } else {
      topDown.push({ start, end: start + k });
      start += k;
    }
  }
  return topDown.reverse();
}

/**
 * The ranges whose subtree hashes form the consistency proof between tree sizes `oldSize` and
 * `newSize`, in proof order: PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 §2.1.4.1.
 * Empty when oldSize is 0 or equals newSize.
 */
export function consistencyProofRanges(oldSize: number, newSize: number): LeafRange[] {
  assertSize(oldSize, 'old tree size');
  assertSize(newSize, 'new tree size');
  if (oldSize > newSize) throw new ArchiveCoreError('invalid_input', `old size ${oldSize} exceeds new size ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const topDown: LeafRange[] = [];
  let start = 0;
  let end = newSize;
  let m = oldSize;
  let wholeOldTree = true;
  while (m < end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      topDown.push({ start: start + k, end });
      end = start + k;
    } else {
      topDown.push({ start, end: start + k });
      start += k;
      m -= k;
      wholeOldTree = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b = true the verifier already holds it.
  if (!wholeOldTree) topDown.push({ start, end });
  return topDown.reverse();
}

function assertHashes(hashes: readonly Uint8Array[], size: number): void {
  if (size > hashes.length)
    throw new ArchiveCoreError('invalid_input', `tree size ${size} exceeds ${hashes.length} leaves`);
}

function rangeHash(leafHashes: readonly Uint8Array[], range: LeafRange): Buffer {
  const frontier = MerkleFrontier.empty();
  for (let i = range.start; i < range.end; i++) frontier.append(leafHashes[i] as Uint8Array);
  return frontier.root();
}

/** MTH of the first `size` leaf hashes (all of them by default). */
export function treeRoot(leafHashes: readonly Uint8Array[], size: number = leafHashes.length): Buffer {
  assertSize(size, 'tree size');
  assertHashes(leafHashes, size);
  return rangeHash(leafHashes, { start: 0, end: size });
}

/** The inclusion proof of leaf `index` in the tree of the first `size` leaf hashes. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number, size = leafHashes.length): Buffer[] {
  assertHashes(leafHashes, size);
  return inclusionProofRanges(index, size).map((range) => rangeHash(leafHashes, range));
}

/** The consistency proof from the tree of the first `oldSize` leaves to that of the first `newSize`. */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  oldSize: number,
  newSize = leafHashes.length,
): Buffer[] {
  assertHashes(leafHashes, newSize);
  return consistencyProofRanges(oldSize, newSize).map((range) => rangeHash(leafHashes, range));
}

/** MTH(D[start:end]) streamed from a reader in batches, holding O(batch + log n) hashes. */
export async function rangeHashFrom(
  read: LeafHashReader,
  range: LeafRange,
  options: ReaderOptions = {},
): Promise<Buffer> {
  const batch = options.batchSize ?? 4096;
  if (!Number.isSafeInteger(batch) || batch < 1) throw new ArchiveCoreError('invalid_input', 'batch size must be ≥ 1');
  if (!isSize(range.start) || !isSize(range.end) || range.start > range.end) {
    throw new ArchiveCoreError('invalid_input', `bad leaf range [${range.start}, ${range.end})`);
  }
  const frontier = MerkleFrontier.empty();
  for (let from = range.start; from < range.end; from += batch) {
    const to = Math.min(from + batch, range.end);
    const hashes = await read(from, to);
    if (hashes.length !== to - from) {
      throw new ArchiveCoreError(
        'invalid_input',
        `reader returned ${hashes.length} hashes for leaves [${from}, ${to})`,
      );
    }
    for (const hash of hashes) frontier.append(hash);
  }
  return frontier.root();
}

/** MTH of the first `size` leaves, streamed from a reader. */
export function treeRootFrom(read: LeafHashReader, size: number, options?: ReaderOptions): Promise<Buffer> {
  assertSize(size, 'tree size');
  return rangeHashFrom(read, { start: 0, end: size }, options);
}

/** The inclusion proof of leaf `index` at tree size `size`, streamed from a reader (reads n − 1 leaves). */
export async function inclusionProofFrom(
  read: LeafHashReader,
  index: number,
  size: number,
  options?: ReaderOptions,
): Promise<Buffer[]> {
  const proof: Buffer[] = [];
  for (const range of inclusionProofRanges(index, size)) proof.push(await rangeHashFrom(read, range, options));
  return proof;
}

/** The consistency proof between two tree sizes, streamed from a reader. */
export async function consistencyProofFrom(
  read: LeafHashReader,
  oldSize: number,
  newSize: number,
  options?: ReaderOptions,
): Promise<Buffer[]> {
  const proof: Buffer[] = [];
  for (const range of consistencyProofRanges(oldSize, newSize)) proof.push(await rangeHashFrom(read, range, options));
  return proof;
}

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof cannot belong
 * to a tree of that size (index outside the tree, too few or too many elements, a bad hash).
 */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!isHash(leafHash) || !isSize(index) || !isSize(size) || index >= size || !proof.every(isHash)) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

export type InclusionClaim = {
  leafHash: Uint8Array;
  index: number;
  size: number;
  proof: readonly Uint8Array[];
  rootHash: Uint8Array;
};

/** True when `proof` shows the leaf with `leafHash` at `index` in the tree of `size` with `rootHash`. */
export function verifyInclusion(claim: InclusionClaim): boolean {
  const root = rootFromInclusionProof(claim.leafHash, claim.index, claim.size, claim.proof);
  return root !== null && isHash(claim.rootHash) && sameBytes(root, claim.rootHash);
}

export type ConsistencyClaim = {
  oldSize: number;
  newSize: number;
  oldRoot: Uint8Array;
  newRoot: Uint8Array;
  proof: readonly Uint8Array[];
};

/**
 * True when `proof` shows the tree of `oldSize` with `oldRoot` is a prefix of the tree of
 * `newSize` with `newRoot` (RFC 9162 §2.1.4.2). Size 0 is a prefix of everything, with the empty
 * proof and the empty-tree root; equal sizes need the empty proof and equal roots.
 */
export function verifyConsistency(claim: ConsistencyClaim): boolean {
  const { oldSize, newSize, oldRoot, newRoot, proof } = claim;
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (oldSize === 0) return proof.length === 0 && sameBytes(oldRoot, emptyRoot());
  if (oldSize === newSize) return proof.length === 0 && sameBytes(oldRoot, newRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(fr, oldRoot) && sameBytes(sr, newRoot);
}

/**
 * Everything a third party needs, besides the archive's public key, to check that one record is
 * in the archive (VERIFYING.md). All bytes are standard base64.
 */
export type InclusionBundle = {
  /** The record's leaf data (record-hash.ts: UTF-8 canonical JSON of its metadata). */
  leafData: string;
  /** The record's leaf index (seq − 1). */
  leafIndex: number;
  /** Inclusion proof at the checkpoint's tree size, leaf's sibling first. */
  proof: string[];
  /** The signed checkpoint text the proof leads to. */
  checkpoint: string;
};

/** Packs a leaf, its proof and a checkpoint into the exported bundle format. */
export function makeInclusionBundle(input: {
  leafData: Uint8Array;
  leafIndex: number;
  proof: readonly Uint8Array[];
  checkpoint: string;
}): InclusionBundle {
  return {
    leafData: toBase64(input.leafData),
    leafIndex: input.leafIndex,
    proof: input.proof.map(toBase64),
    checkpoint: input.checkpoint,
  };
}

/**
 * The procedure of VERIFYING.md: (1) the checkpoint carries a valid signature by `publicKey`;
 * (2) hashing the leaf data and folding in the proof (RFC 9162 §2.1.3.2) at the checkpoint's tree
 * size gives the checkpoint's root. Returns the verified checkpoint; throws ArchiveCoreError
 * ('bad_signature', 'malformed' or 'not_verified') saying which step failed.
 */
export function verifyRecordInclusion(bundle: InclusionBundle, publicKey: PublicKeyInput): VerifiedCheckpoint {
  // Bundles arrive as JSON from outside: check the shape before trusting the types.
  const shaped =
    typeof bundle === 'object' &&
    bundle !== null &&
    typeof bundle.leafData === 'string' &&
    typeof bundle.leafIndex === 'number' &&
    typeof bundle.checkpoint === 'string' &&
    Array.isArray(bundle.proof) &&
    bundle.proof.every((hash) => typeof hash === 'string');
  if (!shaped)
    throw new ArchiveCoreError('malformed', 'an inclusion bundle has leafData, leafIndex, proof and checkpoint');
  const checkpoint = verifyCheckpoint(bundle.checkpoint, publicKey);
  const leafData = fromBase64(bundle.leafData, 'leaf data');
  const proof = bundle.proof.map((hash, i) => fromBase64(hash, `proof element ${i}`));
  const claim = { leafHash: hashLeaf(leafData), index: bundle.leafIndex, size: checkpoint.size, proof };
  if (!verifyInclusion({ ...claim, rootHash: checkpoint.rootHash })) {
    throw new ArchiveCoreError(
      'not_verified',
      `the proof does not lead from leaf ${bundle.leafIndex} to the root signed for ${checkpoint.origin} at size ${checkpoint.size}`,
    );
  }
  return checkpoint;
}
