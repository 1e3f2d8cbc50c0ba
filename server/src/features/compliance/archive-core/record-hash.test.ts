import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashLeaf } from './merkle.js';
import {
  type ArchiveRecordMeta,
  contentHash,
  leafIndexOfSeq,
  parseLeafData,
  purgeLeafData,
  recordLeafData,
  recordLeafHash,
} from './record-hash.js';

const body = '明天上午十点和客户开会';
const meta: ArchiveRecordMeta = {
  orgId: 'org-1',
  seq: 7,
  type: 'message.created',
  at: '2025-03-01T08:00:00.000Z',
  conversationId: 'conv-1',
  actorId: 'member-1',
  contentHash: contentHash(body),
  attrs: { messageId: 'msg-1', kind: 'text' },
};
const removedRoot = createHash('sha256').update('span').digest();
const purge = {
  orgId: 'org-1',
  seq: 20,
  at: '2026-03-01T00:00:00.000Z',
  actorId: null,
  reason: 'retention:365d',
  scope: 'content' as const,
  firstSeq: 1,
  lastSeq: 7,
  count: 7,
  removedRoot,
};

describe('content hashes', () => {
  it('are the lower-case hex SHA-256 of the content, text as UTF-8', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash(body)).toBe(contentHash(Buffer.from(body, 'utf8')));
  });
});

describe('record leaf data', () => {
  it('is the canonical JSON of the metadata, byte for byte as documented', () => {
    expect(recordLeafData(meta).toString('utf8')).toBe(
      '{"actorId":"member-1","at":"2025-03-01T08:00:00.000Z","attrs":{"kind":"text","messageId":"msg-1"},' +
        `"contentHash":"${contentHash(body)}","conversationId":"conv-1","kind":"record","orgId":"org-1",` +
        '"seq":7,"type":"message.created","v":1}',
    );
  });

  it('holds the content hash, never the content', () => {
    expect(recordLeafData(meta).toString('utf8')).not.toContain(body);
  });

  it('writes missing attrs as {} and keeps nulls', () => {
    const bare = { ...meta, conversationId: null, actorId: null, contentHash: null, attrs: undefined };
    expect(recordLeafData(bare).toString('utf8')).toBe(
      '{"actorId":null,"at":"2025-03-01T08:00:00.000Z","attrs":{},"contentHash":null,"conversationId":null,' +
        '"kind":"record","orgId":"org-1","seq":7,"type":"message.created","v":1}',
    );
  });

  it('does not depend on the order attrs were written in', () => {
    const reordered = { ...meta, attrs: { kind: 'text', messageId: 'msg-1' } };
    expect(recordLeafHash(reordered)).toEqual(recordLeafHash(meta));
    expect(recordLeafHash(meta)).toEqual(hashLeaf(recordLeafData(meta)));
  });

  it('changes with any field', () => {
    const hashes = [
      meta,
      { ...meta, seq: 8 },
      { ...meta, orgId: 'org-2' },
      { ...meta, at: '2025-03-01T08:00:00.001Z' },
      { ...meta, contentHash: contentHash(`${body}!`) },
      { ...meta, attrs: {} },
    ].map((m) => recordLeafHash(m).toString('hex'));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it.each([
    ['seq 0', { seq: 0 }, /seq is an integer ≥ 1/],
    ['a fractional seq', { seq: 1.5 }, /seq/],
    ['a local time', { at: '2025-03-01T08:00:00+08:00' }, /ISO-8601 UTC/],
    ['an impossible date', { at: '2025-13-01T08:00:00Z' }, /ISO-8601 UTC/],
    ['an empty org', { orgId: '' }, /orgId/],
    ['an upper-case content hash', { contentHash: contentHash(body).toUpperCase() }, /contentHash/],
    ['a Date in attrs', { attrs: { when: new Date() } }, /not a plain object/],
    ['attrs that are an array', { attrs: [] }, /attrs is an object/],
  ])('refuses %s', (_what, change, reason) => {
    expect(() => recordLeafData({ ...meta, ...change } as ArchiveRecordMeta)).toThrow(reason);
  });

  it('maps seq 1 to leaf 0', () => {
    expect(leafIndexOfSeq(1)).toBe(0);
  });
});

describe('purge leaf data', () => {
  it('states the span, its count and the root of its leaves, as documented', () => {
    expect(purgeLeafData(purge).toString('utf8')).toBe(
      '{"actorId":null,"at":"2026-03-01T00:00:00.000Z","count":7,"firstSeq":1,"kind":"purge","lastSeq":7,' +
        `"orgId":"org-1","reason":"retention:365d","removedRoot":"${removedRoot.toString('hex')}",` +
        '"scope":"content","seq":20,"v":1}',
    );
  });

  it.each([
    ['a span reaching its own seq', { lastSeq: 20, count: 20 }, /before its own seq/],
    ['a reversed span', { firstSeq: 5, lastSeq: 4, count: 0 }, /firstSeq ≤ lastSeq/],
    ['a wrong count', { count: 6 }, /count is lastSeq − firstSeq \+ 1/],
    ['an unknown scope', { scope: 'everything' }, /scope/],
    ['a short root', { removedRoot: Buffer.alloc(16) }, /removedRoot has 32 bytes/],
    ['no reason', { reason: '' }, /reason/],
  ])('refuses %s', (_what, change, reason) => {
    expect(() => purgeLeafData({ ...purge, ...change } as typeof purge)).toThrow(reason);
  });
});

describe('reading leaf data back', () => {
  it('returns the fields of both kinds', () => {
    expect(parseLeafData(recordLeafData(meta))).toEqual({ ...meta, kind: 'record' });
    expect(parseLeafData(purgeLeafData(purge))).toEqual({ ...purge, kind: 'purge' });
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['not an object', '[1]', /not a JSON object/],
    ['another version', recordLeafData(meta).toString().replace('"v":1', '"v":2'), /unknown leaf format 2/],
    ['another kind', recordLeafData(meta).toString().replace('"record"', '"other"'), /unknown leaf kind other/],
    ['whitespace', recordLeafData(meta).toString().replace(',"seq"', ', "seq"'), /not in canonical form/],
    ['an extra field', recordLeafData(meta).toString().replace('"v":1', '"v":1,"x":0'), /not in canonical form/],
    ['a missing field', recordLeafData(meta).toString().replace('"type":"message.created",', ''), /type/],
    ['a bad field', recordLeafData(meta).toString().replace('"seq":7', '"seq":-7'), /seq/],
  ])('refuses %s', (_what, text, reason) => {
    expect(() => parseLeafData(Buffer.from(text))).toThrow(reason);
  });
});
