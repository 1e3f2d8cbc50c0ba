/**
 * `concord archive verify` against a real store: intact with the count and head hash, then —
 * after someone with database access edits a record — broken, naming that record.
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/build-app.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import { acceptedArchiveNotice } from './archive-consent-fixture.js';
import { cli, freshEnv } from './cli-helpers.js';
import { createGroup, orgWith, type Person } from './conversation-fixtures.js';
import { sessionFor } from './factories.js';
import { STORE_KINDS } from './stores.js';

describe.each(STORE_KINDS)('concord archive on %s', (kind) => {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  let orgId: string;
  let recordIds: string[];

  beforeAll(async () => {
    const fresh = await freshEnv(kind);
    env = { ...fresh.env, CONCORD_ARCHIVE_SIGNING_KEY: 'nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=' };
    cleanup = fresh.drop;
    const runtime = await createRuntime({ config: loadConfig(env), log: pino({ level: 'silent' }) });
    const app = await buildApp(runtime.ctx);
    const server = { app, ctx: runtime.ctx } as Parameters<typeof createGroup>[0];
    const made = await orgWith(runtime.ctx, ['销售']);
    const [seller] = made.people as [Person];
    orgId = made.org.orgId;
    const admin = await sessionFor(runtime.ctx, orgId, made.org.ownerId);
    await acceptedArchiveNotice(runtime.ctx, orgId, [seller.id]);
    await app.inject({
      method: 'PUT',
      url: '/api/v1/archive/settings',
      headers: admin,
      payload: { enabled: true, scope: 'all' },
    });
    const group = await createGroup(server, seller, { name: '存档群' });
    for (const [i, body] of ['第一条', '第二条', '第三条'].entries()) {
      const sent = await app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${group.id}/messages`,
        headers: seller.headers,
        payload: { clientMsgId: `m${i}`, body },
      });
      expect(sent.statusCode).toBe(200);
    }
    await runtime.ctx.bus.drain();
    recordIds = (
      await runtime.ctx.db
        .selectFrom('archive_records')
        .select('id')
        .where('org_id', '=', orgId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.id);
    await app.close();
    await runtime.close();
  });
  afterAll(() => cleanup());

  it('reports intact with the count and head hash, signs a checkpoint and proves a record', async () => {
    const run = await cli(['archive', 'verify', '--org', orgId], env);
    expect(run.code, run.err.join('\n')).toBe(0);
    const report = JSON.parse(run.out[0] ?? '{}');
    expect(recordIds.length).toBe(4);
    expect(report).toMatchObject({ orgId, status: 'intact', count: recordIds.length });
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await cli(['archive', 'checkpoint', '--org', orgId], env)).code).toBe(0);
    const proof = await cli(['archive', 'prove', recordIds[1] ?? ''], env);
    expect(proof.code).toBe(0);
    expect(JSON.parse(proof.out[0] ?? '{}')).toMatchObject({ recordId: recordIds[1], leafIndex: 1 });
  });

  it('names the record someone changed in the database', async () => {
    const fresh = await createRuntime({ config: loadConfig(env), log: pino({ level: 'silent' }) });
    try {
      const db = fresh.ctx.db;
      if (kind === 'sqlite') await sql`drop trigger archive_records_guard_update`.execute(db);
      else await sql`drop trigger archive_records_guard on archive_records`.execute(db);
      await db
        .updateTable('archive_records')
        .set({ content: '{"body":"篡改"}' })
        .where('id', '=', recordIds[2] ?? '')
        .execute();
    } finally {
      await fresh.close();
    }
    const run = await cli(['archive', 'verify'], env);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out[0] ?? '{}')).toMatchObject({ status: 'broken', recordId: recordIds[2], seq: 3 });
    expect(run.err.join('\n')).toContain(recordIds[2]);
  });

  it('refuses an org or a record that does not exist instead of calling its archive intact', async () => {
    for (const org of ['01a248a3-1575-745b-b3bb-000000000000', 'not-an-id']) {
      const run = await cli(['archive', 'verify', '--org', org], env);
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err.join('\n')).toContain(`no org ${org}`);
    }
    const checkpoint = await cli(['archive', 'checkpoint', '--org', 'not-an-id'], env);
    expect(checkpoint.code).toBe(1);
    const proof = await cli(['archive', 'prove', 'not-an-id'], env);
    expect(proof.code).toBe(1);
    expect(proof.err.join('\n')).toContain('no archive record not-an-id');
  });

  it('explains its usage', async () => {
    const run = await cli(['archive', 'frobnicate'], env);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/archive verify/);
  });
});
