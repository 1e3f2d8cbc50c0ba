import { describe, expect, it } from 'vitest';
import { consistencyProof, hashLeaf, treeRoot, verifyConsistency } from './merkle.js';
import { contentHash, type PurgeScope, purgeLeafData, recordLeafData } from './record-hash.js';
import { type ChainEntry, verifyArchiveChain } from './verify-chain.js';

const orgId = 'org-1';
const at = (seq: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString();

/** Ten messages with bodies: leaves, as the archive would have written them, each with its content. */
function tenMessages(): ChainEntry[] {
  return Array.from({ length: 10 }, (_, i) => {
    const seq = i + 1;
    const content = Buffer.from(`消息 ${seq}`);
    const leafData = recordLeafData({
      orgId,
      seq,
      type: 'message.created',
      at: at(seq),
      conversationId: 'conv-1',
      actorId: `member-${seq % 3}`,
      contentHash: contentHash(content),
      attrs: { messageId: `msg-${seq}` },
    });
    return { leafData, leafHash: hashLeaf(leafData), content };
  });
}

/** Appends a purge record for [firstSeq, lastSeq] and drops what its scope says from the span. */
function purge(entries: ChainEntry[], firstSeq: number, lastSeq: number, scope: PurgeScope): ChainEntry[] {
  const leafHashes = entries.map((e) => e.leafHash as Uint8Array);
  const leafData = purgeLeafData({
    orgId,
    seq: entries.length + 1,
    at: at(entries.length + 1),
    actorId: null,
    reason: 'retention:365d',
    scope,
    firstSeq,
    lastSeq,
    count: lastSeq - firstSeq + 1,
    removedRoot: treeRoot(leafHashes.slice(firstSeq - 1, lastSeq)),
  });
  const kept = entries.map((entry, i) => {
    if (i + 1 < firstSeq || i + 1 > lastSeq) return entry;
    return scope === 'content' ? { leafData: entry.leafData, leafHash: entry.leafHash } : { leafHash: entry.leafHash };
  });
  return [...kept, { leafData, leafHash: hashLeaf(leafData) }];
}

describe('verifying an archive chain', () => {
  const full = tenMessages();
  const rootBefore = treeRoot(full.map((e) => e.leafHash as Uint8Array));
  const purged = purge(purge(full, 1, 4, 'content'), 5, 6, 'record');

  it('accepts a complete log and gives its root', () => {
    const report = verifyArchiveChain(full, { orgId, rootHash: rootBefore, requireContent: true });
    expect(report).toEqual({ size: 10, rootHash: rootBefore, purges: [] });
  });

  it('still verifies after content and whole records were purged, with the purges listed', () => {
    const report = verifyArchiveChain(purged, { orgId, requireContent: true });
    expect(report.size).toBe(12);
    expect(report.purges).toEqual([
      { seq: 11, firstSeq: 1, lastSeq: 4, scope: 'content', reason: 'retention:365d' },
      { seq: 12, firstSeq: 5, lastSeq: 6, scope: 'record', reason: 'retention:365d' },
    ]);
  });

  it('keeps checkpoints from before the purge consistent with the log after it', () => {
    const leafHashes = purged.map((e) => e.leafHash as Uint8Array);
    const newRoot = verifyArchiveChain(purged, { orgId }).rootHash;
    const proof = consistencyProof(leafHashes, 10, 12);
    expect(verifyConsistency({ oldSize: 10, newSize: 12, oldRoot: rootBefore, newRoot, proof })).toBe(true);
  });

  it('needs no content at all unless asked to', () => {
    const metadataOnly = full.map(({ leafData }) => ({ leafData }));
    expect(verifyArchiveChain(metadataOnly, { orgId, rootHash: rootBefore }).size).toBe(10);
  });

  it('names a record whose content is missing without a purge', () => {
    const lost = full.map((e, i) => (i === 7 ? { leafData: e.leafData } : e));
    expect(() => verifyArchiveChain(lost, { orgId, requireContent: true })).toThrow(
      'seq 8: the content is missing and no purge explains it',
    );
  });

  it('names a record whose metadata is missing without a purge', () => {
    const lost = purged.map((e, i) => (i === 8 ? { leafHash: e.leafHash } : e));
    expect(() => verifyArchiveChain(lost, { orgId })).toThrow('seq 9: the leaf data is missing');
  });

  it('does not let a content purge explain missing metadata', () => {
    const lost = purged.map((e, i) => (i === 1 ? { leafHash: e.leafHash } : e));
    expect(() => verifyArchiveChain(lost, { orgId })).toThrow('seq 2: the leaf data is missing');
  });

  it('names a record whose content was changed', () => {
    const changed = full.map((e, i) => (i === 2 ? { ...e, content: Buffer.from('改过的') } : e));
    expect(() => verifyArchiveChain(changed, { orgId })).toThrow('seq 3: the content does not match its hash');
  });

  it('names a stored leaf hash that does not match its leaf data', () => {
    const changed = full.map((e, i) => (i === 4 ? { ...e, leafHash: full[5]?.leafHash } : e));
    expect(() => verifyArchiveChain(changed, { orgId })).toThrow('seq 5: the stored leaf hash does not match');
  });

  it('names records out of place or from another org', () => {
    const swapped = [full[1], full[0], ...full.slice(2)] as ChainEntry[];
    expect(() => verifyArchiveChain(swapped, { orgId })).toThrow('seq 1: the leaf says seq 2');
    expect(() => verifyArchiveChain(full, { orgId: 'org-2' })).toThrow('seq 1: the leaf belongs to org org-1');
  });

  it('refuses a purge whose removed root is not that of its span', () => {
    const entries = full.slice(0, 4);
    const leafData = purgeLeafData({
      orgId,
      seq: 5,
      at: at(5),
      actorId: 'member-1',
      reason: 'legal:erasure/42',
      scope: 'record',
      firstSeq: 1,
      lastSeq: 2,
      count: 2,
      removedRoot: treeRoot(entries.slice(0, 3).map((e) => e.leafHash as Uint8Array)),
    });
    expect(() => verifyArchiveChain([...entries, { leafData }], { orgId })).toThrow(
      "seq 5: the purge's removedRoot is not the root of leaves 1…2",
    );
  });

  it('refuses leaves that do not give the expected root', () => {
    expect(() => verifyArchiveChain(full.slice(0, 9), { orgId, rootHash: rootBefore })).toThrow(
      'the 9 leaves do not give the expected root',
    );
  });

  it('refuses an entry with nothing in it', () => {
    expect(() => verifyArchiveChain([{}], { orgId })).toThrow('seq 1: neither leaf data nor leaf hash');
  });
});
