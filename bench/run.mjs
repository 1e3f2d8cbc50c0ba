// `npm run bench -- <name>`: runs bench/<name>/run.mjs; with no name, lists the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(here, e.name, 'run.mjs')))
  .map((e) => e.name)
  .sort();

/** The first comment line of a benchmark's run.mjs, shown in the list. */
function describe(name) {
  const first = readFileSync(join(here, name, 'run.mjs'), 'utf8').split('\n')[0] ?? '';
  return first.replace(/^\/\/\s*/, '');
}

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.log('usage: npm run bench -- <name> [options]\n\nbenchmarks:');
  for (const b of available) console.log(`  ${b.padEnd(20)} ${describe(b)}`);
  if (available.length === 0) console.log('  (none yet)');
  process.exit(0);
}
if (!available.includes(name)) {
  console.error(`no benchmark named "${name}"; available: ${available.join(', ') || 'none'}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [join(here, name, 'run.mjs'), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
