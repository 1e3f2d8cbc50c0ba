// Seeds a fresh SQLite store for the fanout benchmark: an org (via the CLI), N members, one group
// with all of them, and a session per member. Ids, names and tokens come from a seeded generator,
// so every run builds the same data.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// better-sqlite3 is a dependency of the server workspace (and the store the server uses by default).
const require = createRequire(new URL('../../server/package.json', import.meta.url));
const Database = require('better-sqlite3');

/** mulberry32: a small deterministic generator; 32 random bits per call. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function bytes(next, n) {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i += 4) out.writeUInt32LE(next(), i);
  return out;
}

/** A version-4-shaped uuid (the API checks ids with format: uuid). */
function uuid(next) {
  const b = bytes(next, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Same shape as server/src/features/identity/tokens.ts: `cs_` + base64url(32 bytes), stored as SHA-256 hex.
const sessionToken = (next) => `cs_${bytes(next, 32).toString('base64url')}`;
const hashToken = (token) => createHash('sha256').update(token).digest('hex');

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];

/**
 * Creates the org with `node server/dist/cli.js create-org`, then inserts everything else directly.
 * Returns the conversation id, the owner's session token and one token per member.
 */
export function seedStore({ root, dataDir, members, seed = 20261123 }) {
  const env = { PATH: process.env.PATH, CONCORD_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const out = execFileSync(
    process.execPath,
    [
      join(root, 'server/dist/cli.js'),
      'create-org',
      '--name',
      '扇出基准 Fanout Bench',
      '--owner-email',
      'owner@bench.test',
      '--owner-password',
      'Concord-Bench-密码-2026!',
      '--owner-name',
      'Bench Owner',
    ],
    { cwd: root, env, encoding: 'utf8' },
  );
  const { orgId, ownerId } = JSON.parse(out.trim().split('\n').pop());

  const db = new Database(join(dataDir, 'concord.db'));
  db.pragma('journal_mode = WAL');
  const next = seeded(seed);
  const now = new Date();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + 24 * 3600 * 1000).toISOString();
  const rootDept = db.prepare('SELECT id FROM departments WHERE org_id = ? AND parent_id IS NULL').get(orgId).id;
  const memberRole = db.prepare("SELECT id FROM roles WHERE org_id = ? AND builtin_key = 'member'").get(orgId).id;
  const conversationId = uuid(next);

  const insMember = db.prepare(
    `INSERT INTO members (id, org_id, name, name_pinyin, name_initials, email, primary_department_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const insDept = db.prepare(
    'INSERT INTO member_departments (org_id, member_id, department_id, is_primary) VALUES (?, ?, ?, 1)',
  );
  const insRole = db.prepare('INSERT INTO member_roles (org_id, member_id, role_id) VALUES (?, ?, ?)');
  const insSession = db.prepare(
    `INSERT INTO sessions (id, org_id, member_id, token_hash, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insConvMember = db.prepare(
    `INSERT INTO conversation_members (org_id, conversation_id, member_id, role, joined_at, read_seq)
     VALUES (?, ?, ?, ?, ?, 0)`,
  );

  const tokens = [];
  let ownerToken = '';
  db.transaction(() => {
    db.prepare(
      `INSERT INTO conversations (id, org_id, kind, name, owner_id, settings, member_limit, last_seq, status, created_by, created_at, updated_at)
       VALUES (?, ?, 'group', ?, ?, '{}', 10000, 0, 'active', ?, ?, ?)`,
    ).run(conversationId, orgId, '全员群 All hands', ownerId, ownerId, at, at);
    insConvMember.run(orgId, conversationId, ownerId, 'owner', at);
    ownerToken = sessionToken(next);
    insSession.run(uuid(next), orgId, ownerId, hashToken(ownerToken), at, at, expires);
    for (let i = 0; i < members; i++) {
      const id = uuid(next);
      const name = `${SURNAMES[i % SURNAMES.length]}成员${i}`;
      insMember.run(id, orgId, name, `chengyuan${i}`, `cy${i}`, `m${i}@bench.test`, rootDept, at, at);
      insDept.run(orgId, id, rootDept);
      insRole.run(orgId, id, memberRole);
      insConvMember.run(orgId, conversationId, id, 'member', at);
      const token = sessionToken(next);
      insSession.run(uuid(next), orgId, id, hashToken(token), at, at, expires);
      tokens.push(token);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { orgId, ownerId, conversationId, ownerToken, tokens };
}
