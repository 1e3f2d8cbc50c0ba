/** The server's file store, chosen from the configuration (local disk for now). */
import { join } from 'node:path';
import type { Config } from '../../app/config.js';
import type { BlobStore } from './blob-store.js';
import { localBlobStore } from './local-blob-store.js';

export { type BlobStore, BlobTooLargeError, isSha256, type OpenBlob, type StoredBlob } from './blob-store.js';
export { localBlobStore } from './local-blob-store.js';

const stores = new WeakMap<Config, BlobStore>();

/** The blob store of this configuration: `<CONCORD_DATA_DIR>/files`. One instance per config. */
export function blobStoreOf(config: Config): BlobStore {
  let store = stores.get(config);
  if (!store) {
    store = localBlobStore(join(config.dataDir, 'files'));
    stores.set(config, store);
  }
  return store;
}
