/**
 * The right edge of a Merkle log — the compact range [0, size): the roots of the perfect
 * subtrees the tree is made of, one per set bit of `size`, largest (leftmost) first. Appending a
 * leaf merges equal-sized subtrees the way binary addition carries, so an append costs at most
 * log2(n) hashes (amortised one) and the state is at most ⌊log2 n⌋ + 1 hashes. A server persists
 * `state()` beside the log and extends it, and computes the root, without reading old leaves.
 *
 * The root folds the subtree roots right to left, which is exactly RFC 9162's MTH: the leftmost
 * subtree covers the largest power of two below n, the rest is the MTH of the remaining leaves.
 */
import { ArchiveCoreError } from './errors.js';
import { emptyRoot, hashChildren, hashLeaf, isHash } from './merkle-hash.js';

/** A frontier as stored: its tree size and its subtree roots, largest first. */
export type MerkleFrontierState = { size: number; nodes: readonly Uint8Array[] };

function bitCount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}

export class MerkleFrontier {
  #size: number;
  readonly #nodes: Buffer[];

  private constructor(size: number, nodes: Buffer[]) {
    this.#size = size;
    this.#nodes = nodes;
  }

  /** The frontier of the empty tree. */
  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** Restores a stored frontier; refuses one whose node count does not match its size. */
  static fromState(state: MerkleFrontierState): MerkleFrontier {
    if (!Number.isSafeInteger(state.size) || state.size < 0) {
      throw new ArchiveCoreError('invalid_input', 'frontier size must be a non-negative safe integer');
    }
    if (state.nodes.length !== bitCount(state.size) || !state.nodes.every(isHash)) {
      throw new ArchiveCoreError(
        'invalid_input',
        `a frontier of size ${state.size} has ${bitCount(state.size)} 32-byte nodes, not ${state.nodes.length}`,
      );
    }
    return new MerkleFrontier(
      state.size,
      state.nodes.map((node) => Buffer.from(node)),
    );
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** A copy of the state to persist. */
  state(): { size: number; nodes: Buffer[] } {
    return { size: this.#size, nodes: this.#nodes.map((node) => Buffer.from(node)) };
  }

  /** Appends a leaf by its leaf hash (hashLeaf of its data). */
  append(leafHash: Uint8Array): void {
    if (!isHash(leafHash)) throw new ArchiveCoreError('invalid_input', 'a leaf hash has 32 bytes');
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new ArchiveCoreError('invalid_input', 'the log is full');
    let node: Buffer = Buffer.from(leafHash);
    for (let carry = this.#size; carry % 2 === 1; carry = Math.floor(carry / 2)) {
      node = hashChildren(this.#nodes.pop() as Buffer, node);
    }
    this.#nodes.push(node);
    this.#size += 1;
  }

  /** Hashes and appends a leaf's data; returns its leaf hash. */
  appendLeafData(leafData: Uint8Array): Buffer {
    const leafHash = hashLeaf(leafData);
    this.append(leafHash);
    return leafHash;
  }

  /** MTH of all leaves appended so far. */
  root(): Buffer {
    const last = this.#nodes.at(-1);
    if (!last) return emptyRoot();
    let root = last;
    for (let i = this.#nodes.length - 2; i >= 0; i--) root = hashChildren(this.#nodes[i] as Buffer, root);
    return Buffer.from(root);
  }

  /** An independent copy, e.g. to compute a root for a batch that may still be rolled back. */
  clone(): MerkleFrontier {
    return MerkleFrontier.fromState(this.state());
  }
}
