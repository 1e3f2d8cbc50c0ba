/** Opaque bearer tokens: random, shown once, stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_PREFIX = 'cs_';
export const API_TOKEN_PREFIX = 'cat_';

/** A new random token with the given prefix (256 bits of randomness). */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** The stored form of a token; a database leak does not reveal usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
