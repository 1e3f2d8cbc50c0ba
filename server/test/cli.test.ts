import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/build-app.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { verifyPassword } from '../src/features/identity/passwords.js';
import { ManualClock } from '../src/platform/clock.js';
import { openStore, type Store } from '../src/platform/db/connect.js';
import { uuidV7Ids } from '../src/platform/ids.js';
import { enqueueJob } from '../src/platform/jobs/queue.js';
import { cli, freshEnv, json } from './cli-helpers.js';
import { STORE_KINDS } from './stores.js';

describe('concord command line', () => {
  it('prints the usage with no command, and refuses an unknown one', async () => {
    const none = await cli([], {});
    expect(none.code).toBe(0);
    expect(none.err.join('\n')).toMatch(/backup --out FILE/);
    const unknown = await cli(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/unknown command frobnicate/);
  });

  it('names the variable when the environment is wrong', async () => {
    const run = await cli(['migrate'], { PORT: 'abc' });
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/PORT must be a whole number, got "abc"/);
  });
});

describe.each(STORE_KINDS)('concord CLI on %s', (kind) => {
  let env: NodeJS.ProcessEnv;
  let store: Store;
  let cleanup: () => Promise<void>;
  let openStoreAgain: () => Store;

  beforeAll(async () => {
    const fresh = await freshEnv(kind);
    env = fresh.env;
    cleanup = fresh.drop;
    openStoreAgain = fresh.open;
    expect((await cli(['migrate'], env)).code).toBe(0);
    store = fresh.open();
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  const migrations = async () =>
    (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db)).rows;

  it('migrate can run again without changing anything', async () => {
    const before = await migrations();
    const again = await cli(['migrate'], env);
    expect(again.code).toBe(0);
    expect(json(again)).toEqual({ migrated: true, store: kind });
    const after = await migrations();
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(0);
  });

  it('create-org creates an org whose owner is stored, and prints its id', async () => {
    const run = await cli(
      [
        'create-org',
        '--name',
        '示例科技',
        '--owner-email',
        'boss@shili.example',
        '--owner-password',
        'Shili-Kj-2026!q',
      ],
      env,
    );
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const { orgId } = json(run);
    expect(typeof orgId).toBe('string');
    const org = await store.db.selectFrom('orgs').select('name').where('id', '=', String(orgId)).executeTakeFirst();
    expect(org?.name).toBe('示例科技');
    const owner = await store.db
      .selectFrom('members')
      .select('password_hash')
      .where('email', '=', 'boss@shili.example')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(owner.password_hash, 'Shili-Kj-2026!q')).toBe(true);
  });

  it('create-org refuses an email that already signs in, saying so', async () => {
    const run = await cli(
      [
        'create-org',
        '--name',
        '另一家',
        '--owner-email',
        'boss@shili.example',
        '--owner-password',
        'Another-Co-2026!z',
      ],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(/^conflict: This email already signs in/);
  });

  it('create-org refuses a weak password', async () => {
    const run = await cli(
      ['create-org', '--name', '弱密码公司', '--owner-email', 'weak@shili.example', '--owner-password', 'password'],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/^invalid: .*password/i);
    const member = await store.db
      .selectFrom('members')
      .select('id')
      .where('email', '=', 'weak@shili.example')
      .execute();
    expect(member).toEqual([]);
  });

  it('create-org explains missing and unknown options', async () => {
    const missing = await cli(['create-org', '--name', 'x'], env);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toMatch(/needs --name, --owner-email and --owner-password/);
    const unknown = await cli(['create-org', '--colour', 'red'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/colour/);
  });

  it('demo seeds 星河零售 with its tree, 30 members and an admin who can sign in', async () => {
    const run = await cli(['demo'], env);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const result = json(run) as { orgId: string; admin: { login: string; password: string } };
    const { orgId, admin } = result;

    const depts = await store.db
      .selectFrom('departments')
      .select(['id', 'name', 'parent_id'])
      .where('org_id', '=', orgId)
      .execute();
    const byName = new Map(depts.map((d) => [d.name, d]));
    expect([...byName.keys()].sort()).toEqual(
      ['总部', '华东区', '华南区', '上海南京路店', '杭州西湖店', '广州天河店', '深圳南山店'].sort(),
    );
    expect(byName.get('总部')?.parent_id).toBeNull();
    expect(byName.get('华东区')?.parent_id).toBe(byName.get('总部')?.id);
    expect(byName.get('杭州西湖店')?.parent_id).toBe(byName.get('华东区')?.id);
    expect(byName.get('深圳南山店')?.parent_id).toBe(byName.get('华南区')?.id);

    const members = await store.db.selectFrom('members').selectAll().where('org_id', '=', orgId).execute();
    expect(members).toHaveLength(30);
    expect(members.every((m) => /^1\d{10}$/.test(m.mobile ?? ''))).toBe(true);
    expect(new Set(members.map((m) => m.mobile)).size).toBe(30);
    expect(members.every((m) => m.email?.includes('@') && m.title)).toBe(true);
    const byId = new Map(members.map((m) => [m.id, m]));
    const named = (name: string) => members.find((m) => m.name === name);

    // Store staff → store manager → region manager → CEO.
    const clerk = named('李娜');
    const manager = byId.get(clerk?.supervisor_id ?? '');
    const region = byId.get(manager?.supervisor_id ?? '');
    const ceo = byId.get(region?.supervisor_id ?? '');
    expect([clerk?.title, manager?.title, region?.title, ceo?.title]).toEqual(['导购', '店长', '区域经理', '总经理']);
    expect(ceo?.supervisor_id).toBeNull();
    expect(clerk?.primary_department_id).toBe(byName.get('上海南京路店')?.id);

    const heads = await store.db.selectFrom('department_heads').selectAll().where('org_id', '=', orgId).execute();
    expect(heads).toHaveLength(7);
    expect(heads).toContainEqual({
      org_id: orgId,
      department_id: byName.get('上海南京路店')?.id,
      member_id: manager?.id,
    });

    const roles = await store.db
      .selectFrom('member_roles')
      .innerJoin('roles', 'roles.id', 'member_roles.role_id')
      .select(['member_roles.member_id', 'roles.builtin_key'])
      .where('member_roles.org_id', '=', orgId)
      .execute();
    const holders = (key: string) => roles.filter((r) => r.builtin_key === key).map((r) => r.member_id);
    expect(holders('member')).toHaveLength(30);
    for (const key of ['admin', 'hr', 'finance', 'auditor']) expect(holders(key)).toHaveLength(1);
    expect(holders('supervisor')).toEqual(expect.arrayContaining([region?.id, manager?.id]));

    const adminRow = members.find((m) => m.email === admin.login);
    expect(holders('admin')).toEqual([adminRow?.id]);
    expect(adminRow?.status).toBe('active');
    expect(await verifyPassword(adminRow?.password_hash ?? null, admin.password)).toBe(true);
    expect(await verifyPassword(adminRow?.password_hash ?? null, 'wrong-password')).toBe(false);

    // And through the API, as a person would.
    const runtime = await createRuntime({
      config: loadConfig(env),
      store: openStoreAgain(),
      log: pino({ level: 'silent' }),
    });
    try {
      const app = await buildApp(runtime.ctx);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: admin.login, password: admin.password },
      });
      expect(res.statusCode).toBe(200);
      await app.close();
    } finally {
      await runtime.close();
    }
  });

  it('demo run a second time refuses clearly and changes nothing', async () => {
    const count = async () =>
      (await store.db.selectFrom('orgs').select('id').where('name', '=', '星河零售').execute()).length;
    const run = await cli(['demo'], env);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(/demo org 星河零售 already exists .*lin\.xiaowen@/);
    expect(await count()).toBe(1);
  });
});

describe('concord backup', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'concord-backup-'));
    env = { CONCORD_DATA_DIR: dataDir };
    expect((await cli(['migrate'], env)).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('copies the database while another connection keeps writing, and the copy holds the data', async () => {
    const live = openStore({ sqlitePath: join(dataDir, 'concord.db') });
    const deps = { clock: new ManualClock(), ids: uuidV7Ids };
    const filler = 'x'.repeat(500);
    // Enough rows for the copy to take several backup steps.
    for (let i = 0; i < 2000; i++) await enqueueJob(live.db, deps, { type: 'seed', payload: { i, filler } });
    const marker = await enqueueJob(live.db, deps, { type: 'seed.marker', payload: { text: '备份前写入' } });

    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await enqueueJob(live.db, deps, { type: 'during', payload: { n: writes++ } });
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = join(dataDir, 'copy.db');
    const run = await cli(['backup', '--out', out], env);
    writing = false;
    await writer;
    await live.close();

    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.backup).toBe(out);
    expect(result.bytes).toBeGreaterThan(1_000_000);
    expect(writes).toBeGreaterThan(0);

    const copy = new SqliteDatabase(out, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = copy.prepare('select payload from jobs where id = ?').get(marker) as { payload: string } | undefined;
      expect(JSON.parse(row?.payload ?? '{}')).toEqual({ text: '备份前写入' });
      const seeded = copy.prepare("select count(*) as n from jobs where type = 'seed'").get() as { n: number };
      expect(seeded.n).toBe(2000);
    } finally {
      copy.close();
    }
  });

  it('refuses to overwrite an existing file', async () => {
    const out = join(dataDir, 'taken.db');
    writeFileSync(out, 'precious');
    const run = await cli(['backup', '--out', out], env);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/refuses to overwrite/);
  });

  it('needs --out', async () => {
    const run = await cli(['backup'], env);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/--out FILE/);
  });

  it('refuses when there is no database to copy', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'concord-empty-'));
    try {
      const run = await cli(['backup', '--out', join(empty, 'x.db')], { CONCORD_DATA_DIR: empty });
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toMatch(/no database at/);
      expect(existsSync(join(empty, 'concord.db'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('points PostgreSQL users to pg_dump', async () => {
    const out = join(dataDir, 'pg.db');
    const run = await cli(['backup', '--out', out], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/pg_dump/);
    expect(existsSync(out)).toBe(false);
  });
});
