/**
 * Encryption at rest of archived bodies: AES-256-GCM, a fresh random 12-byte IV per body, and the
 * key id in the envelope so keys can rotate while old records stay readable.
 *
 * Envelope (ASCII, "." separated, base64url without padding):
 *
 *   v1.<keyId>.<iv: 12 bytes>.<ciphertext: as long as the plaintext>.<tag: 16 bytes>
 *
 * Associated data binds the ciphertext to its record, so it cannot be copied onto another
 * record, into another org, or relabelled with another key id:
 *
 *   AAD = UTF-8 of canonicalJson(["concord.archive.body", 1, keyId, orgId, recordId])
 *
 * Keyring config: "k2:BASE64KEY,k1:BASE64KEY" — comma-separated "<id>:<32-byte key in base64>",
 * the first key encrypts, all of them decrypt. Rotate by prepending a new key; drop an old key
 * only after every envelope naming it was re-encrypted (envelopeKeyId tells which key one uses).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJsonBytes } from './canonical-json.js';
import { fromBase64Url, fromConfigBase64, toBase64Url } from './encoding.js';
import { ArchiveCoreError } from './errors.js';

/** Which record a body belongs to; it is authenticated with the body. */
export type BodyBinding = { orgId: string; recordId: string };

export type BodyKeyring = {
  /** The id of the key that encrypts. */
  readonly primaryId: string;
  /** Every key that may decrypt, by id. */
  readonly keys: ReadonlyMap<string, Buffer>;
};

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Reads "id:base64,id:base64…"; throws ArchiveCoreError('bad_key') without echoing key material. */
export function parseBodyKeyring(config: string): BodyKeyring {
  const keys = new Map<string, Buffer>();
  const items = config.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === '') throw new ArchiveCoreError('bad_key', 'the body keyring is empty');
  for (const [position, item] of items.entries()) {
    const colon = item.indexOf(':');
    const id = colon < 0 ? '' : item.slice(0, colon).trim();
    if (!KEY_ID.test(id)) {
      throw new ArchiveCoreError(
        'bad_key',
        `body key ${position + 1} needs an id of letters, digits, "_" or "-": "id:base64key"`,
      );
    }
    if (keys.has(id)) throw new ArchiveCoreError('bad_key', `body key id "${id}" appears twice`);
    const key = fromConfigBase64(item.slice(colon + 1), `body key "${id}"`);
    if (key.length !== KEY_BYTES) {
      throw new ArchiveCoreError('bad_key', `body key "${id}" has ${key.length} bytes; AES-256 needs ${KEY_BYTES}`);
    }
    keys.set(id, key);
  }
  const [primaryId = ''] = keys.keys();
  return { primaryId, keys };
}

/** A new random key in the form parseBodyKeyring reads after "id:". */
export function generateBodyKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

function keyFor(keyring: BodyKeyring, keyId: string, missing: 'bad_key' | 'unknown_key'): Buffer {
  const key = keyring.keys.get(keyId);
  if (!key) throw new ArchiveCoreError(missing, `body key "${keyId}" is not in the keyring`);
  if (key.length !== KEY_BYTES) throw new ArchiveCoreError('bad_key', `body key "${keyId}" is not ${KEY_BYTES} bytes`);
  return key;
}

function associatedData(keyId: string, binding: BodyBinding): Buffer {
  if (
    typeof binding.orgId !== 'string' ||
    binding.orgId === '' ||
    typeof binding.recordId !== 'string' ||
    binding.recordId === ''
  ) {
    throw new ArchiveCoreError('invalid_input', 'a body is bound to a non-empty orgId and recordId');
  }
  return canonicalJsonBytes(['concord.archive.body', 1, keyId, binding.orgId, binding.recordId]);
}

/** Encrypts a body for a record with the keyring's primary key. Text is encoded as UTF-8. */
export function encryptBody(keyring: BodyKeyring, plaintext: Uint8Array | string, binding: BodyBinding): string {
  const keyId = keyring.primaryId;
  const key = keyFor(keyring, keyId, 'bad_key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, binding));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return [VERSION, keyId, toBase64Url(iv), toBase64Url(ciphertext), toBase64Url(cipher.getAuthTag())].join('.');
}

type Envelope = { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer };

function parseEnvelope(envelope: string): Envelope {
  const parts = typeof envelope === 'string' ? envelope.split('.') : [];
  const [version, keyId = '', iv = '', ciphertext = '', tag = ''] = parts;
  if (parts.length !== 5 || version !== VERSION || !KEY_ID.test(keyId)) {
    throw new ArchiveCoreError('malformed', 'not a body envelope "v1.<keyId>.<iv>.<ciphertext>.<tag>"');
  }
  const parsed = {
    keyId,
    iv: fromBase64Url(iv, 'the envelope IV'),
    ciphertext: fromBase64Url(ciphertext, 'the envelope ciphertext'),
    tag: fromBase64Url(tag, 'the envelope tag'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw new ArchiveCoreError('malformed', `a body envelope has a ${IV_BYTES}-byte IV and a ${TAG_BYTES}-byte tag`);
  }
  return parsed;
}

/** The id of the key an envelope was encrypted with (to find bodies still on an old key). */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

/**
 * Decrypts a body envelope for the record it must belong to. Throws ArchiveCoreError:
 * 'malformed' (not an envelope), 'unknown_key' (the keyring lacks its key id) or 'tampered'
 * (ciphertext, tag, IV or key id changed, or the envelope belongs to another record).
 */
export function decryptBody(keyring: BodyKeyring, envelope: string, binding: BodyBinding): Buffer {
  const { keyId, iv, ciphertext, tag } = parseEnvelope(envelope);
  const key = keyFor(keyring, keyId, 'unknown_key');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(keyId, binding));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new ArchiveCoreError(
      'tampered',
      'the body does not authenticate: it was changed or belongs to another record',
    );
  }
}

/** decryptBody as UTF-8 text. */
export function decryptBodyText(keyring: BodyKeyring, envelope: string, binding: BodyBinding): string {
  return decryptBody(keyring, envelope, binding).toString('utf8');
}
