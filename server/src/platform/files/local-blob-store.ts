/**
 * Blobs on local disk under `<root>/<first 2 hex chars>/<sha256>`. Uploads stream into
 * `<root>/tmp/` while hashing and are renamed into place only when complete and within the
 * limit; rename on one filesystem is atomic, so a reader sees a whole blob or none.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type BlobStore,
  BlobTooLargeError,
  isSha256,
  type OpenBlob,
  type PutOptions,
  type StoredBlob,
} from './blob-store.js';

/** A blob store in the directory `root` (created on first write). */
export function localBlobStore(root: string): BlobStore {
  const tmpDir = join(root, 'tmp');
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);

  async function put(source: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    const max = options.maxBytes;
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let over = false;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            // Past the limit keep draining the source (so the request completes) but write nothing.
            if (over || (max !== undefined && size > max)) {
              over = true;
              continue;
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp, { flags: 'wx' }),
      );
      if (over && max !== undefined) throw new BlobTooLargeError(max);
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      await mkdir(dirname(target), { recursive: true });
      // Same name means same bytes, so replacing an existing blob is harmless.
      await rename(tmp, target);
      return { sha256, size };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async function open(sha256: string): Promise<OpenBlob | null> {
    if (!isSha256(sha256)) return null;
    const path = pathOf(sha256);
    try {
      const info = await stat(path);
      return { size: info.size, stream: createReadStream(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async function has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      await stat(pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  return { put, open, has };
}
