import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  consistencyProofFrom,
  emptyRoot,
  hashChildren,
  hashLeaf,
  inclusionProof,
  inclusionProofFrom,
  MerkleFrontier,
  rootFromInclusionProof,
  splitPoint,
  treeRoot,
  treeRootFrom,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// A second implementation written straight from RFC 9162 §2.1, recursive and slow on purpose.
const sha256 = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const refLeaf = (data: Uint8Array) => sha256(Buffer.from([0]), data);
function refMth(data: readonly Uint8Array[]): Buffer {
  if (data.length === 0) return sha256();
  if (data.length === 1) return refLeaf(data[0] as Uint8Array);
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return sha256(Buffer.from([1]), refMth(data.slice(0, k)), refMth(data.slice(k)));
}
function refPath(m: number, data: readonly Uint8Array[]): Buffer[] {
  if (data.length <= 1) return [];
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return m < k
    ? [...refPath(m, data.slice(0, k)), refMth(data.slice(k))]
    : [...refPath(m - k, data.slice(k)), refMth(data.slice(0, k))];
}
function refSubproof(m: number, data: readonly Uint8Array[], whole: boolean): Buffer[] {
  if (m === data.length) return whole ? [] : [refMth(data)];
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return m <= k
    ? [...refSubproof(m, data.slice(0, k), whole), refMth(data.slice(k))]
    : [...refSubproof(m - k, data.slice(k), false), refMth(data.slice(0, k))];
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const unhex = (text: string) => Buffer.from(text, 'hex');
const dataOf = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`record ${i}`));
const flip = (bytes: Uint8Array, at = 0) => {
  const copy = Buffer.from(bytes);
  copy[at % copy.length] = (copy[at % copy.length] as number) ^ 0x01;
  return copy;
};

// The Certificate Transparency test vectors (RFC 6962, as published by transparency-dev/merkle).
const CT_DATA = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_LEAVES = CT_DATA.map(hashLeaf);

describe('Merkle tree hash', () => {
  it('gives the published Certificate Transparency roots for sizes 0 to 8', () => {
    expect(hex(emptyRoot())).toBe(CT_ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(hex(treeRoot(CT_LEAVES, n)), `size ${n}`).toBe(CT_ROOTS[n]);
  });

  it('gives the published inclusion and consistency proofs', () => {
    expect(inclusionProof(CT_LEAVES, 0, 8).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(inclusionProof(CT_LEAVES, 5, 8).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(consistencyProof(CT_LEAVES, 2, 8).map(hex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(consistencyProof(CT_LEAVES, 6, 8).map(hex)).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(consistencyProof(CT_LEAVES, 2, 5).map(hex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('uses the 0x00 leaf and 0x01 node prefixes', () => {
    expect(hashLeaf(Buffer.from('a'))).toEqual(sha256(Buffer.from([0, 0x61])));
    const [l, r] = [hashLeaf(Buffer.from('l')), hashLeaf(Buffer.from('r'))];
    expect(hashChildren(l, r)).toEqual(sha256(Buffer.from([1]), l, r));
  });

  it('splits at the largest power of two below n, not the middle', () => {
    expect([2, 3, 4, 5, 6, 7, 8, 9, 1000, 2 ** 40 + 1].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 4, 4, 8, 512, 2 ** 40]);
  });

  it('matches the recursive reference for every size 0 to 70', () => {
    const data = dataOf(70);
    const leaves = data.map(hashLeaf);
    for (let n = 0; n <= 70; n++) expect(hex(treeRoot(leaves, n)), `size ${n}`).toBe(hex(refMth(data.slice(0, n))));
  });

  it('matches the recursive reference for random sizes up to 2000', () => {
    const data = dataOf(2000);
    const leaves = data.map(hashLeaf);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        expect(hex(treeRoot(leaves, n))).toBe(hex(refMth(data.slice(0, n))));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the frontier', () => {
  it('knows the root after every append, as the full tree does', () => {
    const data = dataOf(300);
    const frontier = MerkleFrontier.empty();
    expect(frontier.root()).toEqual(emptyRoot());
    for (let n = 1; n <= data.length; n++) {
      frontier.appendLeafData(data[n - 1] as Buffer);
      expect(hex(frontier.root()), `size ${n}`).toBe(hex(refMth(data.slice(0, n))));
    }
  });

  it('holds one hash per set bit of the size', () => {
    const frontier = MerkleFrontier.empty();
    for (const leaf of dataOf(1000).map(hashLeaf)) frontier.append(leaf);
    expect(frontier.state().nodes).toHaveLength(6); // 1000 = 0b1111101000
  });

  it('resumes from stored state and keeps agreeing', () => {
    const leaves = dataOf(100).map(hashLeaf);
    const first = MerkleFrontier.empty();
    for (const leaf of leaves.slice(0, 37)) first.append(leaf);
    const resumed = MerkleFrontier.fromState(first.state());
    for (const leaf of leaves.slice(37)) resumed.append(leaf);
    expect(resumed.size).toBe(100);
    expect(resumed.root()).toEqual(treeRoot(leaves));
    expect(first.size).toBe(37);
  });

  it('refuses stored state whose node count does not fit its size', () => {
    const leaf = hashLeaf(Buffer.from('x'));
    expect(() => MerkleFrontier.fromState({ size: 3, nodes: [leaf] })).toThrow(/size 3 has 2/);
    expect(() => MerkleFrontier.fromState({ size: 1, nodes: [Buffer.alloc(31)] })).toThrow(/32-byte/);
    expect(() => MerkleFrontier.empty().append(Buffer.alloc(5))).toThrow(/32 bytes/);
  });

  it('clones independently', () => {
    const frontier = MerkleFrontier.empty();
    frontier.appendLeafData(Buffer.from('a'));
    const copy = frontier.clone();
    copy.appendLeafData(Buffer.from('b'));
    expect(frontier.size).toBe(1);
    expect(frontier.root()).toEqual(refMth([Buffer.from('a')]));
  });
});

describe('inclusion proofs', () => {
  const data = dataOf(64);
  const leaves = data.map(hashLeaf);

  it('are the reference PATH and verify, for every leaf of every size up to 64', () => {
    for (let n = 1; n <= 64; n++) {
      const rootHash = treeRoot(leaves, n);
      for (let index = 0; index < n; index++) {
        const proof = inclusionProof(leaves, index, n);
        expect(proof.map(hex)).toEqual(refPath(index, data.slice(0, n)).map(hex));
        expect(verifyInclusion({ leafHash: leaves[index] as Buffer, index, size: n, proof, rootHash })).toBe(true);
      }
    }
  });

  it('fail for a tampered leaf, proof element, index or root, and outside the tree', () => {
    for (let n = 1; n <= 40; n++) {
      const rootHash = treeRoot(leaves, n);
      for (let index = 0; index < n; index++) {
        const leafHash = leaves[index] as Buffer;
        const proof = inclusionProof(leaves, index, n);
        const claim = { leafHash, index, size: n, proof, rootHash };
        expect(verifyInclusion({ ...claim, leafHash: flip(leafHash) })).toBe(false);
        expect(verifyInclusion({ ...claim, rootHash: flip(rootHash, 9) })).toBe(false);
        expect(verifyInclusion({ ...claim, index: index + 1 })).toBe(false);
        if (index > 0) expect(verifyInclusion({ ...claim, index: index - 1 })).toBe(false);
        expect(verifyInclusion({ ...claim, index: -1 })).toBe(false);
        // (The size itself is vouched for by the signed checkpoint: trees of 3 and 4 leaves share
        // leaf 0's proof shape, so a proof alone cannot tell them apart.)
        expect(verifyInclusion({ ...claim, size: index })).toBe(false);
        expect(verifyInclusion({ ...claim, proof: [...proof, leafHash] })).toBe(false);
        proof.forEach((_, at) => {
          const tampered = proof.map((p, i) => (i === at ? flip(p, at) : p));
          expect(verifyInclusion({ ...claim, proof: tampered })).toBe(false);
        });
        if (proof.length > 0) expect(verifyInclusion({ ...claim, proof: proof.slice(1) })).toBe(false);
        if (proof.length > 1 && !proof[0]?.equals(proof[1] as Buffer)) {
          expect(verifyInclusion({ ...claim, proof: [proof[1], proof[0], ...proof.slice(2)] as Buffer[] })).toBe(false);
        }
      }
    }
  });

  it('reject hashes of the wrong length instead of throwing', () => {
    const proof = inclusionProof(leaves, 5, 8);
    expect(rootFromInclusionProof(Buffer.alloc(31), 5, 8, proof)).toBeNull();
    expect(rootFromInclusionProof(leaves[5] as Buffer, 5, 8, [Buffer.alloc(33), ...proof.slice(1)])).toBeNull();
    const claim = { leafHash: leaves[5] as Buffer, index: 5, size: 8, proof, rootHash: Buffer.alloc(31) };
    expect(verifyInclusion(claim)).toBe(false);
  });

  it('cannot be generated for a leaf outside the tree', () => {
    expect(() => inclusionProof(leaves, 8, 8)).toThrow(/not in a tree of 8/);
    expect(() => inclusionProof(leaves, 0, 65)).toThrow(/exceeds 64 leaves/);
    expect(() => inclusionProof(leaves, 0.5, 8)).toThrow(/not in a tree/);
  });

  it('come out the same when streamed from a reader in small batches', async () => {
    const reads: number[] = [];
    const read = (start: number, end: number) => {
      reads.push(end - start);
      return Promise.resolve(leaves.slice(start, end));
    };
    for (const [index, size] of [
      [0, 1],
      [5, 8],
      [13, 50],
      [63, 64],
    ] as const) {
      expect(await inclusionProofFrom(read, index, size, { batchSize: 3 })).toEqual(
        inclusionProof(leaves, index, size),
      );
    }
    expect(Math.max(...reads)).toBeLessThanOrEqual(3);
    expect(await treeRootFrom(read, 64, { batchSize: 7 })).toEqual(treeRoot(leaves));
    expect(await treeRootFrom(read, 0)).toEqual(emptyRoot());
  });

  it('refuse a reader that returns the wrong number of hashes', async () => {
    await expect(treeRootFrom(() => leaves.slice(0, 2), 10)).rejects.toThrow(/returned 2 hashes/);
  });
});

describe('consistency proofs', () => {
  const data = dataOf(64);
  const leaves = data.map(hashLeaf);
  const roots = Array.from({ length: 65 }, (_, n) => treeRoot(leaves, n));

  it('are the reference PROOF and verify, for every m ≤ n ≤ 64', () => {
    for (let n = 0; n <= 64; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(leaves, m, n);
        const expected = m === 0 || m === n ? [] : refSubproof(m, data.slice(0, n), true);
        expect(proof.map(hex), `${m} → ${n}`).toEqual(expected.map(hex));
        const claim = { oldSize: m, newSize: n, oldRoot: roots[m] as Buffer, newRoot: roots[n] as Buffer, proof };
        expect(verifyConsistency(claim), `${m} → ${n}`).toBe(true);
      }
    }
  });

  it('fail when a proof element, a root or a size is tampered with', () => {
    for (let n = 2; n <= 64; n++) {
      for (let m = 1; m < n; m++) {
        const proof = consistencyProof(leaves, m, n);
        const claim = { oldSize: m, newSize: n, oldRoot: roots[m] as Buffer, newRoot: roots[n] as Buffer, proof };
        proof.forEach((_, at) => {
          const tampered = proof.map((p, i) => (i === at ? flip(p, at) : p));
          expect(verifyConsistency({ ...claim, proof: tampered }), `${m} → ${n} element ${at}`).toBe(false);
        });
        expect(verifyConsistency({ ...claim, oldRoot: flip(claim.oldRoot) })).toBe(false);
        expect(verifyConsistency({ ...claim, newRoot: flip(claim.newRoot) })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: proof.slice(0, -1) })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: [...proof, roots[1] as Buffer] })).toBe(false);
        expect(verifyConsistency({ ...claim, oldSize: m + 1, oldRoot: roots[m + 1] as Buffer })).toBe(false);
        expect(verifyConsistency({ ...claim, newSize: n - 1, newRoot: roots[n - 1] as Buffer })).toBe(false);
      }
    }
  });

  it('treat the empty tree and equal sizes as the RFC edge cases', () => {
    const [root4, root5] = [roots[4] as Buffer, roots[5] as Buffer];
    expect(verifyConsistency({ oldSize: 4, newSize: 4, oldRoot: root4, newRoot: root4, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 4, newSize: 4, oldRoot: root4, newRoot: root5, proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 4, newSize: 4, oldRoot: root4, newRoot: root4, proof: [root4] })).toBe(false);
    expect(verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: emptyRoot(), newRoot: root5, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: root4, newRoot: root5, proof: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 5, newSize: 4, oldRoot: root5, newRoot: root4, proof: [] })).toBe(false);
    expect(() => consistencyProof(leaves, 5, 4)).toThrow(/exceeds new size/);
  });

  it('come out the same when streamed from a reader', async () => {
    const read = (start: number, end: number) => leaves.slice(start, end);
    for (const [m, n] of [
      [1, 2],
      [3, 7],
      [6, 8],
      [17, 64],
    ] as const) {
      expect(await consistencyProofFrom(read, m, n, { batchSize: 2 })).toEqual(consistencyProof(leaves, m, n));
    }
  });
});
