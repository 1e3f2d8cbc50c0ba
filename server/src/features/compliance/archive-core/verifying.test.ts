import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveOrigin, keyFromConfig, publicKeyPem, signCheckpoint } from './checkpoint.js';
import { ArchiveCoreError } from './errors.js';
import {
  type InclusionBundle,
  inclusionProof,
  MerkleFrontier,
  makeInclusionBundle,
  verifyRecordInclusion,
} from './merkle.js';
import { contentHash, recordLeafData } from './record-hash.js';

// The script exactly as VERIFYING.md prints it.
const doc = readFileSync(new URL('./VERIFYING.md', import.meta.url), 'utf8');
const script = /```js\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const dir = mkdtempSync(join(tmpdir(), 'concord-verifying-'));
const scriptPath = join(dir, 'verify-inclusion.mjs');
writeFileSync(scriptPath, script);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const orgId = 'org-1';
const key = keyFromConfig(Buffer.alloc(32, 9).toString('base64'));
const pem = publicKeyPem(key);
const otherPem = publicKeyPem(generateKeyPairSync('ed25519').publicKey);

// An org log of 23 records and its signed checkpoint.
const leaves = Array.from({ length: 23 }, (_, i) =>
  recordLeafData({
    orgId,
    seq: i + 1,
    type: 'message.created',
    at: new Date(Date.UTC(2025, 2, 1, 8, 0, i)).toISOString(),
    conversationId: 'conv-1',
    actorId: 'member-1',
    contentHash: contentHash(`第 ${i + 1} 条消息`),
  }),
);
const frontier = MerkleFrontier.empty();
const leafHashes = leaves.map((leaf) => frontier.appendLeafData(leaf));
const checkpoint = signCheckpoint(
  { origin: archiveOrigin(orgId), size: frontier.size, rootHash: frontier.root() },
  key,
);
const bundleFor = (index: number): InclusionBundle =>
  makeInclusionBundle({
    leafData: leaves[index] as Buffer,
    leafIndex: index,
    proof: inclusionProof(leafHashes, index),
    checkpoint,
  });

function runScript(bundle: InclusionBundle, publicKey: string): { verified: boolean; output: string } {
  const bundlePath = join(dir, 'bundle.json');
  const keyPath = join(dir, 'key.pem');
  writeFileSync(bundlePath, JSON.stringify(bundle));
  writeFileSync(keyPath, publicKey);
  const run = spawnSync(process.execPath, [scriptPath, bundlePath, keyPath], { encoding: 'utf8' });
  return { verified: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function runLibrary(bundle: InclusionBundle, publicKey: string): boolean {
  try {
    verifyRecordInclusion(bundle, publicKey);
    return true;
  } catch (error) {
    if (error instanceof ArchiveCoreError) return false;
    throw error;
  }
}

const flipBase64 = (text: string) => `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
const good = bundleFor(7);
const cases: [string, InclusionBundle, string, boolean][] = [
  ['a record in the log', good, pem, true],
  ['the first record', bundleFor(0), pem, true],
  ['the last record', bundleFor(22), pem, true],
  ['another key', good, otherPem, false],
  ['changed leaf data', { ...good, leafData: bundleFor(8).leafData }, pem, false],
  ['a changed proof element', { ...good, proof: good.proof.map((p, i) => (i === 1 ? flipBase64(p) : p)) }, pem, false],
  ['a shortened proof', { ...good, proof: good.proof.slice(0, -1) }, pem, false],
  ['a lengthened proof', { ...good, proof: [...good.proof, good.proof[0] as string] }, pem, false],
  ['another index', { ...good, leafIndex: 6 }, pem, false],
  ['an index outside the tree', { ...good, leafIndex: 23 }, pem, false],
  ['a changed tree size', { ...good, checkpoint: checkpoint.replace('\n23\n', '\n24\n') }, pem, false],
  ['an unsigned checkpoint', { ...good, checkpoint: checkpoint.slice(0, checkpoint.indexOf('\n\n') + 2) }, pem, false],
];

describe('the procedure in VERIFYING.md', () => {
  it('is printed as a script of about thirty lines using only node:crypto and node:fs', () => {
    const imports = script.match(/from '([^']+)'/g);
    expect(imports).toEqual(["from 'node:crypto'", "from 'node:fs'"]);
    expect(script.trim().split('\n').length).toBeLessThan(45);
  });

  it.each(cases)('gives the same verdict as verifyRecordInclusion for %s', (_what, bundle, publicKey, expected) => {
    expect(runLibrary(bundle, publicKey)).toBe(expected);
    const { verified, output } = runScript(bundle, publicKey);
    expect(verified, output).toBe(expected);
    expect(output).toMatch(expected ? /^VERIFIED: leaf \d+ is in concord\.archive\/org-1/ : /^NOT VERIFIED: /);
  });

  it('prints the record so its content can be checked against contentHash', () => {
    const { output } = runScript(good, pem);
    const record = JSON.parse(output.split('\n')[1] as string) as { seq: number; contentHash: string };
    expect(record.seq).toBe(8);
    expect(record.contentHash).toBe(contentHash('第 8 条消息'));
  });

  it('refuses a bundle of the wrong shape with a reason', () => {
    const broken = { ...good, proof: 'not a list' } as unknown as InclusionBundle;
    expect(() => verifyRecordInclusion(broken, pem)).toThrow(/has leafData, leafIndex, proof and checkpoint/);
  });

  it('returns the checkpoint it verified against', () => {
    expect(verifyRecordInclusion(good, pem)).toMatchObject({ origin: 'concord.archive/org-1', size: 23 });
  });
});
