/** The server's build, built first when its sources are newer: its modules are what is measured. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, root } from './settings.mjs';

const newestTs = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return Math.max(m, newestTs(p));
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? Math.max(m, statSync(p).mtimeMs) : m;
  }, 0);
const dist = (p) => join(root, 'server/dist', p);
const searchDist = dist('features/compliance/search/find-docs.js');
if (!existsSync(searchDist) || statSync(searchDist).mtimeMs < newestTs(join(root, 'server/src/features/compliance'))) {
  log('building the server (tsc -b protocol server)');
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'protocol', 'server'], {
    cwd: root,
    stdio: 'inherit',
  });
}
const load = async (p) => import(pathToFileURL(dist(p)).href);
export const { openStore } = await load('platform/db/connect.js');
export const { migrateToLatest } = await load('platform/db/migrate.js');
export const { queryTokens } = await load('features/compliance/search-core/tokenize.js');
export const { tag, docIdFloor, DOC_SLOTS } = await load('features/compliance/search/doc-keys.js');
export const { docText } = await load('features/compliance/search/index-records.js');
export const { docSignature } = await load('features/compliance/search/walk-signature.js');
export const { findDocs, MAX_DOC_ID, fts5Expression } = await load('features/compliance/search/find-docs.js');
export const { ftsPartitionDdl, ftsPartitionOf, ftsTableName } = await load(
  'features/compliance/search/fts-partitions.js',
);
export const { presentRecords } = await load('features/compliance/search/present-records.js');
export const { loadConfig } = await load('app/config.js');
export const { upgradeSearchIndex } = await load('features/compliance/search/upgrade-index.js');

const require = createRequire(new URL('../../server/package.json', import.meta.url));
export const pg = require('pg');

/** A reused store loaded by an older build gets what it lacks: migrations and index upgrades, as at start. */
export async function migrateIfBehind(store, dialect) {
  const started = Date.now();
  const applied = await migrateToLatest(store.db, dialect);
  const silent = { info() {} };
  const rewritten = await upgradeSearchIndex({ db: store.db, dialect, config: loadConfig({}), log: silent });
  if (applied.length > 0 || rewritten > 0) {
    const took = ((Date.now() - started) / 1000).toFixed(0);
    log(`${dialect}: applied ${applied.join(', ') || 'no migration'}, re-tokenized ${rewritten} docs in ${took} s`);
  }
}
