import { createDecipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptBody,
  decryptBodyText,
  encryptBody,
  envelopeKeyId,
  generateBodyKey,
  parseBodyKeyring,
} from './body-cipher.js';
import { ArchiveCoreError } from './errors.js';

const k1 = generateBodyKey();
const k2 = generateBodyKey();
const keyring = parseBodyKeyring(`k2:${k2},k1:${k1}`);
const binding = { orgId: 'org-1', recordId: 'rec-1' };

function failure(run: () => unknown): ArchiveCoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArchiveCoreError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** Changes one character of one dot-separated part of an envelope. */
function alter(envelope: string, part: number): string {
  const parts = envelope.split('.');
  const text = parts[part] as string;
  parts[part] = `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
  return parts.join('.');
}

describe('the body keyring', () => {
  it('encrypts with the first key and decrypts with all', () => {
    expect(keyring.primaryId).toBe('k2');
    expect([...keyring.keys.keys()]).toEqual(['k2', 'k1']);
  });

  it('accepts spaces, base64url and missing padding', () => {
    const raw = randomBytes(32);
    const ring = parseBodyKeyring(
      ` a : ${raw.toString('base64url')} , b:${raw.toString('base64').replace(/=+$/, '')} `,
    );
    expect(ring.keys.get('a')).toEqual(raw);
    expect(ring.keys.get('b')).toEqual(raw);
  });

  it.each([
    ['', /empty/],
    ['k1', /needs an id/],
    [':AAAA', /needs an id/],
    ['k.1:AAAA', /needs an id/],
    [`k1:${randomBytes(16).toString('base64')}`, /has 16 bytes; AES-256 needs 32/],
    ['k1:not base64!', /not base64/],
    [`k1:${k1},k1:${k2}`, /appears twice/],
    [`k1:${k1},`, /key 2 needs an id/],
  ])('refuses %j', (config, reason) => {
    const error = failure(() => parseBodyKeyring(config));
    expect(error.code).toBe('bad_key');
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain(k2);
  });
});

describe('body envelopes', () => {
  it('round-trip text and bytes, empty bodies included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decryptBodyText(keyring, encryptBody(keyring, text, binding), binding)).toBe(text);
      }),
    );
    const bytes = randomBytes(1000);
    expect(decryptBody(keyring, encryptBody(keyring, bytes, binding), binding)).toEqual(bytes);
    expect(decryptBodyText(keyring, encryptBody(keyring, '', binding), binding)).toBe('');
  });

  it('have the documented layout and decrypt with plain AES-256-GCM', () => {
    const envelope = encryptBody(keyring, '客户报价', binding);
    const [version, keyId, iv, ciphertext, tag] = envelope.split('.') as [string, string, string, string, string];
    expect(version).toBe('v1');
    expect(keyId).toBe('k2');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(envelope).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(k2, 'base64'), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from('["concord.archive.body",1,"k2","org-1","rec-1"]'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    expect(plain.toString()).toBe('客户报价');
  });

  it('use a fresh IV every time', () => {
    const a = encryptBody(keyring, 'same', binding);
    const b = encryptBody(keyring, 'same', binding);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toBe(b);
  });

  it('stay readable after rotation, and tell which key they use', () => {
    const old = encryptBody(parseBodyKeyring(`k1:${k1}`), 'old message', binding);
    expect(envelopeKeyId(old)).toBe('k1');
    expect(decryptBodyText(keyring, old, binding)).toBe('old message');
    expect(envelopeKeyId(encryptBody(keyring, 'new', binding))).toBe('k2');
  });

  it('cannot be moved to another record or org', () => {
    const envelope = encryptBody(keyring, 'secret', binding);
    for (const other of [
      { orgId: 'org-1', recordId: 'rec-2' },
      { orgId: 'org-2', recordId: 'rec-1' },
    ]) {
      const error = failure(() => decryptBody(keyring, envelope, other));
      expect(error.code).toBe('tampered');
      expect(error.message).toMatch(/belongs to another record/);
    }
  });

  it.each([
    [2, 'the IV'],
    [3, 'the ciphertext'],
    [4, 'the tag'],
  ])('detect a change to %s', (part) => {
    const envelope = encryptBody(keyring, 'a body long enough to alter', binding);
    expect(failure(() => decryptBody(keyring, alter(envelope, part), binding)).code).toBe('tampered');
  });

  it('detect an envelope relabelled with another key id', () => {
    const envelope = encryptBody(keyring, 'secret', binding);
    const relabelled = envelope.replace('v1.k2.', 'v1.k1.');
    expect(failure(() => decryptBody(keyring, relabelled, binding)).code).toBe('tampered');
  });

  it('say which key is missing', () => {
    const envelope = encryptBody(keyring, 'secret', binding);
    const error = failure(() => decryptBody(parseBodyKeyring(`k1:${k1}`), envelope, binding));
    expect(error.code).toBe('unknown_key');
    expect(error.message).toMatch(/"k2" is not in the keyring/);
  });

  it.each([
    ['', /not a body envelope/],
    ['v2.k2.a.b.c', /not a body envelope/],
    ['v1.k2.a.b', /not a body envelope/],
    ['v1.k2.a.b.c.d', /not a body envelope/],
    ['v1.k2.AAAA.AAAA.AAAA', /12-byte IV and a 16-byte tag/],
    ['v1.k2.A+A/.AAAA.AAAA', /not base64url/],
  ])('refuse malformed envelope %j', (envelope, reason) => {
    const error = failure(() => decryptBody(keyring, envelope, binding));
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(reason);
  });

  it('refuse an empty binding', () => {
    expect(() => encryptBody(keyring, 'x', { orgId: 'org-1', recordId: '' })).toThrow(/non-empty orgId and recordId/);
  });

  it('refuse a hand-built keyring with a short key', () => {
    const bad = { primaryId: 'k', keys: new Map([['k', Buffer.alloc(16)]]) };
    expect(failure(() => encryptBody(bad, 'x', binding)).code).toBe('bad_key');
  });
});
