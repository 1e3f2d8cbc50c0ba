/**
 * The archive's keys, read from config once: the checkpoint signing key and the keyring that
 * encrypts content at rest. A bad value fails loudly at first use with the variable's name, and
 * never repeats the key.
 */
import type { KeyObject } from 'node:crypto';
import type { Config } from '../../../app/config.js';
import { type BodyKeyring, parseBodyKeyring } from '../archive-core/body-cipher.js';
import { keyFromConfig } from '../archive-core/checkpoint.js';

export type ArchiveKeys = { signing: KeyObject | null; bodies: BodyKeyring | null };

const cache = new WeakMap<Config['archive'], ArchiveKeys>();

export function archiveKeys(config: Pick<Config, 'archive'>): ArchiveKeys {
  const known = cache.get(config.archive);
  if (known) return known;
  const keys: ArchiveKeys = {
    signing: parse('CONCORD_ARCHIVE_SIGNING_KEY', config.archive.signingKey, keyFromConfig),
    bodies: parse('CONCORD_ARCHIVE_KEYS', config.archive.bodyKeys, parseBodyKeyring),
  };
  cache.set(config.archive, keys);
  return keys;
}

function parse<T>(name: string, value: string | undefined, read: (value: string) => T): T | null {
  if (!value) return null;
  try {
    return read(value);
  } catch (err) {
    throw new Error(`${name} is not usable: ${err instanceof Error ? err.message : 'unreadable'}`);
  }
}
