/**
 * Signed checkpoints: the archive's statement "org X's log had N records with root R", signed
 * with Ed25519 in the C2SP formats (c2sp.org/tlog-checkpoint, c2sp.org/signed-note), so the text
 * can be checked by our verifier, by the script in VERIFYING.md, or by Go's golang.org/x/mod/sumdb/note.
 *
 * Exact text (every line ends with "\n"; "—" is U+2014 EM DASH):
 *
 *   concord.archive/<orgId>                  origin
 *   <tree size>                              decimal, no leading zeros
 *   <root hash>                              standard base64 of the 32-byte RFC 9162 root
 *   [<extension line>…]                      optional, non-empty, none written by us
 *                                            (empty line)
 *   — <key name> <base64(key id || sig)>     one line per signature
 *
 * The signed message is the note text: the lines before the empty line, each with its "\n".
 * Key id (4 bytes) = first 4 bytes of SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519
 * public key); sig is the 64-byte Ed25519 signature. Lines by other keys are ignored.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { fromBase64, fromConfigBase64, toBase64 } from './encoding.js';
import { ArchiveCoreError } from './errors.js';

/** The origin line of an org's archive log. */
export function archiveOrigin(orgId: string): string {
  return `concord.archive/${orgId}`;
}

export type Checkpoint = {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Extra body lines after the root (C2SP extension lines); none by default. */
  extensions?: readonly string[];
};

export type VerifiedCheckpoint = {
  origin: string;
  size: number;
  rootHash: Buffer;
  extensions: string[];
  /** The name on the signature line that verified. */
  keyName: string;
};

/** A public key as given to a verifier: a KeyObject, an SPKI PEM, or the raw 32-byte key in base64. */
export type PublicKeyInput = KeyObject | string;

const SIGNATURE_DASH = '\u2014';
const ED25519_TYPE = 0x01;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_SIGNATURES = 100;
// Signed notes hold no control characters but newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

const bad = (reason: string) => new ArchiveCoreError('malformed', `malformed checkpoint: ${reason}`);

function assertEd25519(key: KeyObject, type: 'private' | 'public'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new ArchiveCoreError('bad_key', `expected an Ed25519 ${type} key`);
  }
  return key;
}

/**
 * The signing key from configuration: the base64 (or base64url) 32-byte Ed25519 seed, or a
 * PKCS8 PEM ("-----BEGIN PRIVATE KEY-----"). Errors never repeat the key material.
 */
export function keyFromConfig(config: string): KeyObject {
  const text = config.trim();
  if (text.startsWith('-----BEGIN')) {
    if (!text.startsWith('-----BEGIN PRIVATE KEY-----')) {
      throw new ArchiveCoreError('bad_key', 'the checkpoint key PEM must be a PKCS8 "PRIVATE KEY"');
    }
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: text, format: 'pem' });
    } catch {
      throw new ArchiveCoreError('bad_key', 'the checkpoint key PEM cannot be read');
    }
    return assertEd25519(key, 'private');
  }
  const seed = fromConfigBase64(text, 'the checkpoint key');
  if (seed.length !== 32) {
    throw new ArchiveCoreError('bad_key', `the checkpoint key seed must be 32 bytes, not ${seed.length}`);
  }
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** A new signing key and its seed in the base64 form keyFromConfig reads (for a key-generating CLI). */
export function generateCheckpointKey(): { seed: string; privateKey: KeyObject } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { seed: toBase64(der.subarray(der.length - 32)), privateKey };
}

/** The public key as a KeyObject, from a private or public KeyObject, an SPKI PEM, or raw base64. */
export function publicKeyFrom(input: PublicKeyInput): KeyObject {
  if (input instanceof KeyObject) {
    return input.type === 'private' ? createPublicKey(assertEd25519(input, 'private')) : assertEd25519(input, 'public');
  }
  const text = input.trim();
  if (text.startsWith('-----BEGIN')) {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: text, format: 'pem' });
    } catch {
      throw new ArchiveCoreError('bad_key', 'the public key PEM cannot be read');
    }
    return assertEd25519(key.type === 'private' ? createPublicKey(key) : key, 'public');
  }
  const raw = fromConfigBase64(text, 'the public key');
  if (raw.length !== 32) throw new ArchiveCoreError('bad_key', `an Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The SPKI PEM ("-----BEGIN PUBLIC KEY-----") of a key, to publish for verifiers. */
export function publicKeyPem(key: PublicKeyInput): string {
  return publicKeyFrom(key).export({ format: 'pem', type: 'spki' }).toString();
}

/** The raw 32-byte Ed25519 public key. */
export function publicKeyRaw(key: PublicKeyInput): Buffer {
  const der = publicKeyFrom(key).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

function assertKeyName(name: string): void {
  if (!/^[^\s+]+$/u.test(name) || CONTROL.test(name)) {
    throw new ArchiveCoreError('invalid_input', 'a key name is non-empty, without whitespace or "+"');
  }
}

/** The C2SP key id: SHA-256(name || "\n" || 0x01 || public key)[0:4]. */
export function keyId(keyName: string, key: PublicKeyInput): Buffer {
  return createHash('sha256')
    .update(`${keyName}\n`)
    .update(Buffer.from([ED25519_TYPE]))
    .update(publicKeyRaw(key))
    .digest()
    .subarray(0, 4);
}

/** The C2SP verifier key "<name>+<hex key id>+<base64(0x01 || public key)>" for note tooling. */
export function verifierKey(keyName: string, key: PublicKeyInput): string {
  assertKeyName(keyName);
  const typed = Buffer.concat([Buffer.from([ED25519_TYPE]), publicKeyRaw(key)]);
  return `${keyName}+${keyId(keyName, key).toString('hex')}+${toBase64(typed)}`;
}

function checkpointBody(checkpoint: Checkpoint): string {
  const { origin, size, rootHash } = checkpoint;
  const extensions = checkpoint.extensions ?? [];
  if (origin === '' || origin.includes('\n') || CONTROL.test(origin)) {
    throw new ArchiveCoreError('invalid_input', 'the origin is one non-empty line');
  }
  if (!Number.isSafeInteger(size) || size < 0)
    throw new ArchiveCoreError('invalid_input', 'the tree size is a safe integer ≥ 0');
  if (rootHash.length !== 32) throw new ArchiveCoreError('invalid_input', 'the root hash has 32 bytes');
  for (const line of extensions) {
    if (line === '' || line.includes('\n') || CONTROL.test(line)) {
      throw new ArchiveCoreError('invalid_input', 'an extension is one non-empty line');
    }
  }
  return [origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/**
 * The signed checkpoint text. The key name defaults to the origin; it is part of the key id, so a
 * verifier that checks names must be told the same one.
 */
export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject, keyName = checkpoint.origin): string {
  const body = checkpointBody(checkpoint);
  assertEd25519(privateKey, 'private');
  assertKeyName(keyName);
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey);
  const id = keyId(keyName, privateKey);
  return `${body}\n${SIGNATURE_DASH} ${keyName} ${toBase64(Buffer.concat([id, signature]))}\n`;
}

function parseBody(body: string): Omit<VerifiedCheckpoint, 'keyName'> {
  const [origin, sizeLine, rootLine, ...extensions] = body.slice(0, -1).split('\n');
  if (!origin) throw bad('the origin line is empty');
  if (sizeLine === undefined || rootLine === undefined)
    throw bad('it needs an origin, a tree size and a root hash line');
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) {
    throw bad(`"${sizeLine.slice(0, 40)}" is not a tree size`);
  }
  const rootHash = fromBase64(rootLine, 'the root hash line');
  if (rootHash.length !== 32) throw bad(`the root hash has ${rootHash.length} bytes, not 32`);
  return { origin, size: Number(sizeLine), rootHash, extensions };
}

/**
 * Checks a signed checkpoint against the archive's public key and returns what it states.
 * Throws ArchiveCoreError: 'malformed' (the text does not follow the format) or 'bad_signature'
 * (no line by this key, or its signature does not verify). If `keyName` is given, only a
 * signature line with that name counts.
 */
export function verifyCheckpoint(text: string, publicKey: PublicKeyInput, keyName?: string): VerifiedCheckpoint {
  const key = publicKeyFrom(publicKey);
  if (typeof text !== 'string' || text === '') throw bad('it is empty');
  if (CONTROL.test(text)) throw bad('it contains control characters (CRLF line ends?)');
  const split = text.indexOf('\n\n');
  if (split < 0) throw bad('no empty line before the signatures');
  const body = text.slice(0, split + 1);
  const block = text.slice(split + 2);
  if (!block.endsWith('\n')) throw bad('the last signature line does not end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw bad(`more than ${MAX_SIGNATURES} signatures`);
  let refused: string | null = null;
  for (const line of lines) {
    const match = /^\u2014 ([^\s+]+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) throw bad(`"${line.slice(0, 60)}" is not a signature line`);
    const [, name = '', encoded = ''] = match;
    const signature = fromBase64(encoded, 'a signature');
    if (signature.length < 5) throw bad('a signature is shorter than its key id');
    if (keyName !== undefined && name !== keyName) continue;
    if (!signature.subarray(0, 4).equals(keyId(name, key))) continue;
    if (signature.length === 68 && verify(null, Buffer.from(body, 'utf8'), key, signature.subarray(4))) {
      return { ...parseBody(body), keyName: name };
    }
    refused = name;
  }
  throw new ArchiveCoreError(
    'bad_signature',
    refused === null
      ? 'the checkpoint has no signature by this key'
      : `the checkpoint's signature by "${refused}" does not verify: the text was changed or signed by another key`,
  );
}
