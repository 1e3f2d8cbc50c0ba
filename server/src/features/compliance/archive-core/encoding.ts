/**
 * Strict base64 / base64url / hex codecs. Buffer.from(…, 'base64') silently skips characters it
 * does not know, so "almost base64" would decode to different bytes instead of failing; the
 * archive's formats are fixed, so every decoder here refuses anything that is not canonical.
 */
import { ArchiveCoreError } from './errors.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const HEX = /^(?:[0-9a-f]{2})*$/;

/** Standard base64 with padding (RFC 4648 §4), the encoding of checkpoints and proofs. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Decodes standard padded base64, refusing anything that would not re-encode to the same text. */
export function fromBase64(text: string, what: string): Buffer {
  if (!BASE64.test(text)) throw new ArchiveCoreError('malformed', `${what} is not base64`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new ArchiveCoreError('malformed', `${what} is not canonical base64`);
  return bytes;
}

/** URL-safe base64 without padding (RFC 4648 §5), the encoding of body envelopes. */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

export function fromBase64Url(text: string, what: string): Buffer {
  if (!BASE64URL.test(text) || text.length % 4 === 1)
    throw new ArchiveCoreError('malformed', `${what} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text)
    throw new ArchiveCoreError('malformed', `${what} is not canonical base64url`);
  return bytes;
}

/** Lower-case hex, the encoding of hashes inside record metadata (as printed by sha256sum). */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(text: string, what: string): Buffer {
  if (!HEX.test(text)) throw new ArchiveCoreError('malformed', `${what} is not lower-case hex`);
  return Buffer.from(text, 'hex');
}

/** Decodes a key given in configuration: standard or URL-safe base64, padding optional. */
export function fromConfigBase64(text: string, what: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || trimmed.replace(/=+$/, '').length % 4 === 1) {
    throw new ArchiveCoreError('bad_key', `${what} is not base64`);
  }
  return Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Constant-time-irrelevant equality of two byte strings (hashes are public). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
