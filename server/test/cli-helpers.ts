/** Running the `concord` CLI in tests: captured output, and a fresh environment per store kind. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/app/cli/run-cli.js';
import { openStore, type Store } from '../src/platform/db/connect.js';
import { createPgDatabase, type StoreKind } from './stores.js';

type Run = { code: number; out: string[]; err: string[] };

export async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out, err };
}

export const json = (run: Run): Record<string, unknown> => JSON.parse(run.out.join('\n')) as Record<string, unknown>;

/** A fresh environment for one store kind: a temp data dir, plus a throwaway database on postgres. */
export async function freshEnv(
  kind: StoreKind,
): Promise<{ env: NodeJS.ProcessEnv; open(): Store; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
  if (kind === 'sqlite') {
    return {
      env: { CONCORD_DATA_DIR: dataDir },
      open: () => openStore({ sqlitePath: join(dataDir, 'concord.db') }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await createPgDatabase();
  return {
    env: { CONCORD_DATA_DIR: dataDir, DATABASE_URL: database.url },
    open: () => openStore({ databaseUrl: database.url, sqlitePath: '' }),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
