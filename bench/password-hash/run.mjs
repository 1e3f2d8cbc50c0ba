// Password hashing cost: Concord's argon2id settings against node:crypto scrypt (baseline).
// Prints one table: hashes per second and milliseconds per hash, single-threaded and sequential,
// plus the ratio to the baseline. Higher cost per hash is the point: it slows offline guessing.
import { randomBytes, scrypt } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { promisify } from 'node:util';

// @node-rs/argon2 is a dependency of the server workspace.
const require = createRequire(new URL('../../server/package.json', import.meta.url));
const { hash, verify } = require('@node-rs/argon2');
const scryptAsync = promisify(scrypt);

const ROUNDS = Number(process.argv[2] ?? 20);
const password = 'Concord-Bench-密码-2026!';

// Same settings as server/src/app/config.ts (passwordHash) and features/identity/passwords.ts.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
// scrypt at Node's defaults raised to the OWASP minimum (N=2^17, r=8, p=1 → 128 MiB).
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

async function time(label, fn) {
  await fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / ROUNDS;
  return { label, ms, perSecond: 1000 / ms };
}

const salt = randomBytes(16);
const stored = await hash(password, ARGON2);
const rows = [
  await time('scrypt N=2^17 r=8 p=1 (baseline)', () => scryptAsync(password, salt, 64, SCRYPT)),
  await time('argon2id m=19 MiB t=2 p=1 hash', () => hash(password, ARGON2)),
  await time('argon2id m=19 MiB t=2 p=1 verify', () => verify(stored, password)),
];
const baseline = rows[0].ms;

console.log(`password-hash — ${ROUNDS} rounds each, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'})`);
console.log('| figure | ms per hash | hashes/s | ratio to baseline (time) |');
console.log('|---|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.ms.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${(r.ms / baseline).toFixed(2)} |`);
}
