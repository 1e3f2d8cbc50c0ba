import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError } from './blob-store.js';
import { localBlobStore } from './local-blob-store.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('local blob store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'concord-blobs-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores content under its SHA-256 and reads it back', async () => {
    const store = localBlobStore(root);
    const content = '报价单 v1\n'.repeat(1000);
    const put = await store.put(Readable.from([Buffer.from(content)]));
    expect(put).toEqual({ sha256: sha(content), size: Buffer.byteLength(content) });
    expect(await readdir(join(root, put.sha256.slice(0, 2)))).toEqual([put.sha256]);
    const opened = await store.open(put.sha256);
    expect(opened?.size).toBe(put.size);
    expect(await text(opened?.stream ?? Readable.from([]))).toBe(content);
    expect(await store.has(put.sha256)).toBe(true);
  });

  it('keeps nothing, not even a temp file, when the content passes the limit', async () => {
    const store = localBlobStore(root);
    const chunks = [Buffer.alloc(600, 1), Buffer.alloc(600, 2)];
    await expect(store.put(Readable.from(chunks), { maxBytes: 1000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await readdir(root)).toEqual(['tmp']);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('accepts content of exactly the limit and dedupes equal content', async () => {
    const store = localBlobStore(root);
    const a = await store.put(Readable.from([Buffer.alloc(1000, 7)]), { maxBytes: 1000 });
    const b = await store.put(Readable.from([Buffer.alloc(1000, 7)]), { maxBytes: 1000 });
    expect(a).toEqual(b);
    expect(await readdir(join(root, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
  });

  it('answers null for unknown or malformed hashes', async () => {
    const store = localBlobStore(root);
    expect(await store.open(sha('missing'))).toBeNull();
    expect(await store.open('../../etc/passwd')).toBeNull();
    expect(await store.has('zz')).toBe(false);
  });
});
