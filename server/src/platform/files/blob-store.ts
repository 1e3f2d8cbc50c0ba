/**
 * Content-addressed blob storage: a blob is named by the SHA-256 of its bytes. Implementations
 * must never expose a half-written blob (write elsewhere, then publish atomically).
 */
import type { Readable } from 'node:stream';

export type PutOptions = {
  /** Refuse (and keep nothing of) content longer than this many bytes. */
  maxBytes?: number;
};

export type StoredBlob = { sha256: string; size: number };

export type OpenBlob = { size: number; stream: Readable };

export type BlobStore = {
  /** Stores the stream's bytes; throws BlobTooLargeError past `maxBytes`, keeping nothing. */
  put(source: Readable, options?: PutOptions): Promise<StoredBlob>;
  /** The blob's bytes, or null when no blob has this hash. */
  open(sha256: string): Promise<OpenBlob | null>;
  /** True when a blob with this hash is stored. */
  has(sha256: string): Promise<boolean>;
};

/** The content passed the size limit of a put; nothing was stored. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a lowercase hex SHA-256, the only names blobs have (so paths cannot be forged). */
export const isSha256 = (value: string): boolean => SHA256_HEX.test(value);
