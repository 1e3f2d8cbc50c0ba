/**
 * `concord backup --out FILE`: a consistent copy of the SQLite database, taken online through
 * `VACUUM INTO` while the server keeps serving. PostgreSQL has its own tool (pg_dump).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../platform/db/connect.js';
import type { Config } from '../config.js';
import { sqlitePathFor } from '../runtime.js';
import type { CliIo } from './io.js';

export async function backupCommand(args: string[], io: CliIo, config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  if (!values.out) {
    io.err('backup needs --out FILE (the file must not exist yet)');
    return 2;
  }
  if (config.databaseUrl) {
    io.err(
      'backup copies the embedded SQLite database; with DATABASE_URL set, use pg_dump (e.g. pg_dump -Fc "$DATABASE_URL" > concord.dump)',
    );
    return 1;
  }
  const out = resolve(values.out);
  if (existsSync(out)) {
    io.err(`backup refuses to overwrite ${out}; choose a new file name`);
    return 1;
  }
  const source = sqlitePathFor(config);
  if (!existsSync(source)) {
    io.err(`no database at ${source}; check CONCORD_DATA_DIR`);
    return 1;
  }
  const store = openStore({ sqlitePath: source });
  try {
    if (!store.sqlite) throw new Error('the store is not SQLite');
    // VACUUM INTO writes a consistent copy from one read snapshot. Unlike the page-by-page backup
    // API it never restarts when the server writes meanwhile, and in WAL mode it does not block
    // the server's writes while it reads.
    store.sqlite.prepare('VACUUM INTO ?').run(out);
  } finally {
    await store.close();
  }
  io.out(JSON.stringify({ backup: out, bytes: statSync(out).size }));
  return 0;
}
