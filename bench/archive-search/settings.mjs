/** The run's options and constants, shared by the archive-search benchmark's modules. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
export const root = join(here, '../..');

export const { values: opts } = parseArgs({
  options: {
    n: { type: 'string' },
    store: { type: 'string', default: 'both' },
    runs: { type: 'string' },
    'like-runs': { type: 'string' },
    seed: { type: 'string' },
    quick: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    dir: { type: 'string' },
    json: { type: 'string' },
    'pg-db': { type: 'string' },
  },
});
export const N = Number(opts.n ?? (opts.quick ? 100_000 : 1_000_000));
export const RUNS = Number(opts.runs ?? (opts.quick ? 10 : 20));
export const LIKE_RUNS = Number(opts['like-runs'] ?? 3);
export const SEED = Number(opts.seed ?? 20261201);
export const STORES = opts.store === 'both' ? ['sqlite', 'postgres'] : [opts.store];
export const DIR = opts.dir ?? join(tmpdir(), 'concord-bench-archive-search');
export const PG_ADMIN = process.env.CONCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PG_DB = opts['pg-db'] ?? 'concord_bench_archive_search';
export const GOAL_P99_MS = 50;
export const PAGE = 20;
export const START = Date.parse('2024-12-01T00:00:00.000Z');
export const SPAN = 730 * 86_400_000;

export const log = (...args) => console.error(`[archive-search ${new Date().toISOString().slice(11, 19)}]`, ...args);
