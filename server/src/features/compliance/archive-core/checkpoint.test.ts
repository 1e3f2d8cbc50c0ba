import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  archiveOrigin,
  generateCheckpointKey,
  keyFromConfig,
  keyId,
  publicKeyPem,
  publicKeyRaw,
  signCheckpoint,
  verifierKey,
  verifyCheckpoint,
} from './checkpoint.js';
import { ArchiveCoreError } from './errors.js';

// RFC 8032 §7.1 TEST 1: a known Ed25519 seed and its public key.
const SEED_HEX = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUBLIC_HEX = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const SEED_B64 = Buffer.from(SEED_HEX, 'hex').toString('base64');

const key = keyFromConfig(SEED_B64);
const origin = archiveOrigin('org-1');
const rootHash = createHash('sha256').update('a root').digest();
const signed = signCheckpoint({ origin, size: 42, rootHash }, key);

/** Signs an arbitrary note body as the checkpoint code would, to build malformed-but-signed input. */
function signBody(body: string, privateKey: KeyObject, name = 'k'): string {
  const sig = sign(null, Buffer.from(body), privateKey);
  return `${body}\n\u2014 ${name} ${Buffer.concat([keyId(name, privateKey), sig]).toString('base64')}\n`;
}

function failure(run: () => unknown): ArchiveCoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArchiveCoreError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('checkpoint keys', () => {
  it('reads a base64 seed into the RFC 8032 key pair', () => {
    expect(publicKeyRaw(key).toString('hex')).toBe(PUBLIC_HEX);
    expect(publicKeyRaw(keyFromConfig(Buffer.from(SEED_HEX, 'hex').toString('base64url'))).toString('hex')).toBe(
      PUBLIC_HEX,
    );
    expect(publicKeyRaw(keyFromConfig(`  ${SEED_B64}\n`)).toString('hex')).toBe(PUBLIC_HEX);
  });

  it('reads a PKCS8 PEM, and a generated seed reads back to the same key', () => {
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(publicKeyRaw(keyFromConfig(pem))).toEqual(publicKeyRaw(key));
    const generated = generateCheckpointKey();
    expect(publicKeyRaw(keyFromConfig(generated.seed))).toEqual(publicKeyRaw(generated.privateKey));
  });

  it('refuses unusable keys with a reason and without echoing them', () => {
    const short = Buffer.alloc(31, 7).toString('base64');
    const e1 = failure(() => keyFromConfig(short));
    expect(e1.code).toBe('bad_key');
    expect(e1.message).toMatch(/32 bytes, not 31/);
    expect(e1.message).not.toContain(short);
    expect(failure(() => keyFromConfig('not a key!')).message).toMatch(/not base64/);
    expect(failure(() => keyFromConfig(publicKeyPem(key))).message).toMatch(/PKCS8/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(failure(() => keyFromConfig(rsa.toString())).message).toMatch(/Ed25519 private key/);
    expect(failure(() => keyFromConfig('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).code).toBe(
      'bad_key',
    );
  });

  it('publishes the public key as SPKI PEM and as a C2SP verifier key', () => {
    expect(publicKeyPem(key)).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/);
    const id = createHash('sha256')
      .update(Buffer.concat([Buffer.from('example\n'), Buffer.from([1]), Buffer.from(PUBLIC_HEX, 'hex')]))
      .digest()
      .subarray(0, 4)
      .toString('hex');
    const typed = Buffer.concat([Buffer.from([1]), Buffer.from(PUBLIC_HEX, 'hex')]).toString('base64');
    expect(verifierKey('example', key)).toBe(`example+${id}+${typed}`);
  });
});

describe('signed checkpoints', () => {
  it('are written in the C2SP signed-note layout', () => {
    const lines = signed.split('\n');
    expect(lines.slice(0, 4)).toEqual(['concord.archive/org-1', '42', rootHash.toString('base64'), '']);
    expect(lines[4]).toMatch(/^\u2014 concord\.archive\/org-1 [A-Za-z0-9+/]{91}=$/);
    expect(lines[5]).toBe('');
    expect(lines).toHaveLength(6);
    const sig = Buffer.from((lines[4] as string).split(' ')[2] as string, 'base64');
    expect(sig.subarray(0, 4)).toEqual(keyId(origin, key));
  });

  it('verify with the private key, the PEM or the raw base64 public key', () => {
    const expected = { origin, size: 42, rootHash, extensions: [], keyName: origin };
    expect(verifyCheckpoint(signed, key)).toEqual(expected);
    expect(verifyCheckpoint(signed, publicKeyPem(key))).toEqual(expected);
    expect(verifyCheckpoint(signed, publicKeyRaw(key).toString('base64'))).toEqual(expected);
  });

  it('sign size 0 and carry extension lines', () => {
    const text = signCheckpoint({ origin, size: 0, rootHash, extensions: ['ts 1700000000'] }, key, 'concord');
    expect(verifyCheckpoint(text, key, 'concord')).toMatchObject({ size: 0, extensions: ['ts 1700000000'] });
  });

  /** Changes one base64 character of the signature line, past the 4-byte key id. */
  const alterSignature = (t: string) => {
    const at = t.lastIndexOf(' ') + 20;
    return `${t.slice(0, at)}${t[at] === 'A' ? 'B' : 'A'}${t.slice(at + 1)}`;
  };

  it.each([
    ['the size is changed', (t: string) => t.replace('\n42\n', '\n43\n')],
    ['the root is changed', (t: string) => t.replace(rootHash.toString('base64'), Buffer.alloc(32).toString('base64'))],
    ['the origin is changed', (t: string) => t.replace('org-1', 'org-2')],
    ['a line is added', (t: string) => t.replace('\n\n', '\nextra\n\n')],
    ['the signature is changed', alterSignature],
  ])('do not verify when %s', (_what, tamper) => {
    const error = failure(() => verifyCheckpoint(tamper(signed), key));
    expect(error.code).toBe('bad_signature');
    expect(error.message).toMatch(/signature by "concord\.archive\/org-1" does not verify/);
  });

  it('say so when signed by another key', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    const error = failure(() => verifyCheckpoint(signed, other));
    expect(error.code).toBe('bad_signature');
    expect(error.message).toMatch(/no signature by this key/);
  });

  it('accept a co-signature by another key and ignore it', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const body = signed.slice(0, signed.indexOf('\n\n') + 1);
    const cosigned = `${signed}${signBody(body, other, 'witness').slice(body.length + 1)}`;
    expect(verifyCheckpoint(cosigned, key).size).toBe(42);
    expect(verifyCheckpoint(cosigned, other).keyName).toBe('witness');
    expect(failure(() => verifyCheckpoint(cosigned, key, 'witness')).message).toMatch(/no signature by this key/);
  });

  it.each([
    ['', /empty/],
    ['concord.archive/org-1\n42\n', /no empty line/],
    [signed.replace(/\n/g, '\r\n'), /control characters/],
    [signed.slice(0, -1), /does not end with a newline/],
    [signed.replace('\u2014 ', '-- '), /not a signature line/],
    [signed.replace(/ \S+\n$/, ' %%%\n'), /not a signature line/],
    [signed.replace(/ (\S+)\n$/, ' $1A\n'), /not base64/],
  ])('refuse malformed text %#', (text, reason) => {
    const error = failure(() => verifyCheckpoint(text, key));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(reason);
  });

  it.each([
    [`o\n042\n${rootHash.toString('base64')}\n`, /"042" is not a tree size/],
    [`o\n-1\n${rootHash.toString('base64')}\n`, /not a tree size/],
    [`o\n1\n${Buffer.alloc(31).toString('base64')}\n`, /31 bytes/],
    ['o\n1\n', /origin, a tree size and a root/],
  ])('refuse a well-signed body that is not a checkpoint %#', (body, reason) => {
    const error = failure(() => verifyCheckpoint(signBody(body, key), key));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(reason);
  });

  it('refuse to sign what could not be read back', () => {
    expect(() => signCheckpoint({ origin: 'a\nb', size: 1, rootHash }, key)).toThrow(/one non-empty line/);
    expect(() => signCheckpoint({ origin, size: -1, rootHash }, key)).toThrow(/safe integer/);
    expect(() => signCheckpoint({ origin, size: 1, rootHash: Buffer.alloc(8) }, key)).toThrow(/32 bytes/);
    expect(() => signCheckpoint({ origin, size: 1, rootHash }, key, 'has space')).toThrow(/without whitespace/);
    expect(() => signCheckpoint({ origin, size: 1, rootHash }, generateKeyPairSync('ed25519').publicKey)).toThrow(
      /private key/,
    );
  });
});
