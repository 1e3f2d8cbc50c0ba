import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedArchiveNotice } from '../../../../test/archive-consent-fixture.js';
import { createGroup, orgWith, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeDepartment, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { generateBodyKey } from '../archive-core/body-cipher.js';
import { generateCheckpointKey, publicKeyFrom } from '../archive-core/checkpoint.js';
import { verifyRecordInclusion } from '../archive-core/merkle.js';
import { proveRecord } from './prove-record.js';
import { syncConversation } from './sync-conversation.js';
import { verifyArchive } from './verify-archive.js';

const signing = generateCheckpointKey();
const k1 = `k1:${generateBodyKey()}`;

/** Lets the database change archive rows, as someone with direct database access could. */
async function dropGuards(server: TestServer) {
  if (server.kind === 'sqlite') {
    await sql`drop trigger archive_records_guard_update`.execute(server.ctx.db);
    await sql`drop trigger archive_records_no_delete`.execute(server.ctx.db);
  } else {
    await sql`drop trigger archive_records_guard on archive_records`.execute(server.ctx.db);
  }
}

describe.each(STORE_KINDS)('the compliance archive on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: { authorization: string };
  let seller: Person;
  let colleague: Person;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      archive: { signingKey: signing.seed, bodyKeys: undefined, checkpointMinutes: 60 },
    });
    const made = await orgWith(server.ctx, ['销售', '同事']);
    org = made.org;
    [seller, colleague] = made.people as [Person, Person];
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    await acceptedArchiveNotice(server.ctx, org.orgId, [seller.id, colleague.id]);
  });
  afterAll(() => server.close());

  const call = async (
    headers: { authorization: string },
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  };
  const records = (orgId: string) =>
    server.ctx.db.selectFrom('archive_records').selectAll().where('org_id', '=', orgId).orderBy('seq').execute();

  it('records every message event of a covered conversation from the moment archiving is on', async () => {
    const group = await createGroup(server, seller, { name: '客户跟进群', memberIds: [colleague.id] });
    await call(seller.headers, 'POST', `/api/v1/conversations/${group.id}/messages`, {
      clientMsgId: 'before',
      body: '开启存档之前',
    });
    const on = await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' });
    expect(on.statusCode).toBe(200);
    server.clock.advance(1000);

    const sent = await call(seller.headers, 'POST', `/api/v1/conversations/${group.id}/messages`, {
      clientMsgId: 'a',
      body: '报价是三万',
    });
    const id = sent.json().id as string;
    await call(seller.headers, 'PATCH', `/api/v1/messages/${id}`, { body: '报价是两万八' });
    await call(seller.headers, 'POST', `/api/v1/messages/${id}/recall`);
    const other = await call(colleague.headers, 'POST', `/api/v1/conversations/${group.id}/messages`, {
      clientMsgId: 'b',
      body: '收到',
    });
    await call(seller.headers, 'DELETE', `/api/v1/messages/${other.json().id}`);

    const rows = (await records(org.orgId)).filter((r) => r.conversation_id === group.id);
    expect(rows.map((r) => r.type)).toEqual([
      'message.created',
      'message.edited',
      'message.recalled',
      'message.created',
      'message.hidden',
    ]);
    expect(rows.map((r) => r.content).join()).not.toContain('开启存档之前');
    const edit = JSON.parse(rows[1]?.content ?? '{}');
    expect(edit).toMatchObject({ previousBody: '报价是三万', body: '报价是两万八' });
    expect(JSON.parse(rows[4]?.content ?? '{}')).toEqual({ messageId: other.json().id, memberId: seller.id });

    // Repeating a sync appends nothing: every record has one source.
    expect(await syncConversation(server.ctx, org.orgId, group.id)).toEqual([]);
    const report = await verifyArchive(server.ctx, org.orgId);
    expect(report).toMatchObject({ status: 'intact', count: (await records(org.orgId)).length });
  });

  it('covers only conversations with a member of the chosen departments', async () => {
    const other = await makeOrg(server.ctx, '分公司');
    const sales = await makeDepartment(server.ctx, other.orgId, other.rootDepartmentId, '销售部');
    const store = await makeDepartment(server.ctx, other.orgId, sales, '一店');
    const hr = await makeDepartment(server.ctx, other.orgId, other.rootDepartmentId, '人事部');
    const inStore = await person(server.ctx, other, '门店销售', store);
    const inHr = await person(server.ctx, other, '人事专员', hr);
    const boss = await sessionFor(server.ctx, other.orgId, other.ownerId);
    await acceptedArchiveNotice(server.ctx, other.orgId, [inStore.id]);
    expect(
      (
        await call(boss, 'PUT', '/api/v1/archive/settings', {
          enabled: true,
          scope: 'departments',
          departmentIds: [sales],
        })
      ).statusCode,
    ).toBe(200);
    const covered = await createGroup(server, inStore, { name: '销售群' });
    const notCovered = await createGroup(server, inHr, { name: '人事群' });
    await call(inStore.headers, 'POST', `/api/v1/conversations/${covered.id}/messages`, {
      clientMsgId: 'x',
      body: '销售的消息',
    });
    await call(inHr.headers, 'POST', `/api/v1/conversations/${notCovered.id}/messages`, {
      clientMsgId: 'y',
      body: '人事的消息',
    });
    const ids = new Set((await records(other.orgId)).map((r) => r.conversation_id));
    expect(ids.has(covered.id)).toBe(true);
    expect(ids.has(notCovered.id)).toBe(false);
    const bad = await call(boss, 'PUT', '/api/v1/archive/settings', {
      enabled: true,
      scope: 'departments',
      departmentIds: [],
    });
    expect(bad.statusCode).toBe(400);
    // Settings are the archive manager's: a plain member is refused.
    expect(
      (await call(inStore.headers, 'PUT', '/api/v1/archive/settings', { enabled: false, scope: 'all' })).statusCode,
    ).toBe(403);
  });

  it('signs checkpoints and proves a record to a third party holding only the public key', async () => {
    const signed = await call(admin, 'POST', '/api/v1/archive/checkpoints');
    expect(signed.statusCode).toBe(200);
    expect(signed.json().note).toContain(`concord.archive/${org.orgId}`);
    const [first] = await records(org.orgId);
    const bundle = await proveRecord(server.ctx, first?.id ?? '');
    const checked = verifyRecordInclusion(bundle, publicKeyFrom(signing.privateKey));
    expect(checked.size).toBe(signed.json().size);
    // A bundle whose leaf was changed does not verify.
    const forged = {
      ...bundle,
      leafData: Buffer.from(
        Buffer.from(bundle.leafData, 'base64').toString().replace('message.created', 'message.recalled'),
      ).toString('base64'),
    };
    expect(() => verifyRecordInclusion(forged, publicKeyFrom(signing.privateKey))).toThrow();
    expect((await call(admin, 'POST', '/api/v1/archive/checkpoints')).statusCode).toBe(409);
  });

  it('refuses, in the database, to change or delete an archived record', async () => {
    const [row] = await records(org.orgId);
    await expect(
      server.ctx.db
        .updateTable('archive_records')
        .set({ content: '{"body":"改过的"}' })
        .where('id', '=', row?.id ?? '')
        .execute(),
    ).rejects.toThrow();
    await expect(
      server.ctx.db
        .deleteFrom('archive_records')
        .where('id', '=', row?.id ?? '')
        .execute(),
    ).rejects.toThrow();
    // Dropping content is the one change the database allows (retention does it) — but without the
    // purge record that retention appends, verification names the record.
    await server.ctx.db
      .updateTable('archive_records')
      .set({ content: null, purged_at: server.clock.now().toISOString() })
      .where('id', '=', row?.id ?? '')
      .execute();
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({
      status: 'broken',
      problem: 'content_removed',
      recordId: row?.id,
    });
  });

  it('names the record that was altered, and notices one removed, when someone edits the database', async () => {
    await dropGuards(server);
    const rows = await records(org.orgId);
    const target = rows[3];
    await server.ctx.db
      .updateTable('archive_records')
      .set({ content: '{"body":"没说过这句"}' })
      .where('id', '=', target?.id ?? '')
      .execute();
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({
      status: 'broken',
      problem: 'content_altered',
      recordId: target?.id,
      seq: 4,
    });
    await server.ctx.db
      .updateTable('archive_records')
      .set({ content: target?.content ?? null })
      .where('id', '=', target?.id ?? '')
      .execute();

    await server.ctx.db
      .updateTable('archive_records')
      .set({ at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', rows[2]?.id ?? '')
      .execute();
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({
      status: 'broken',
      problem: 'altered',
      recordId: rows[2]?.id,
    });
    await server.ctx.db
      .updateTable('archive_records')
      .set({ at: rows[2]?.at ?? '' })
      .where('id', '=', rows[2]?.id ?? '')
      .execute();

    await server.ctx.db
      .deleteFrom('archive_records')
      .where('id', '=', rows[1]?.id ?? '')
      .execute();
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'broken', problem: 'removed', seq: 2 });
  });
});

describe.each(STORE_KINDS)('archived content encrypted at rest on %s', (kind) => {
  it('stores envelopes, verifies, and still reads old records after the key is rotated', async () => {
    const server = await startTestServer(kind, {
      archive: { signingKey: undefined, bodyKeys: k1, checkpointMinutes: 60 },
    });
    try {
      const [seller] = (await orgWith(server.ctx, ['销售'])).people as [Person];
      const orgId = (
        await server.ctx.db.selectFrom('members').select('org_id').where('id', '=', seller.id).executeTakeFirstOrThrow()
      ).org_id;
      const owner = await server.ctx.db
        .selectFrom('members')
        .select('id')
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      const admin = await sessionFor(server.ctx, orgId, owner.id);
      await acceptedArchiveNotice(server.ctx, orgId, [seller.id]);
      await server.app.inject({
        method: 'PUT',
        url: '/api/v1/archive/settings',
        headers: admin,
        payload: { enabled: true, scope: 'all' },
      });
      const group = await createGroup(server, seller, { name: '加密群' });
      await server.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${group.id}/messages`,
        headers: seller.headers,
        payload: { clientMsgId: 'c', body: '机密报价' },
      });
      await server.ctx.bus.drain();
      const rows = await server.ctx.db
        .selectFrom('archive_records')
        .select(['content'])
        .where('org_id', '=', orgId)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.content?.startsWith('v1.k1.')).toBe(true);
        expect(row.content).not.toContain('机密');
      }
      expect(await verifyArchive(server.ctx, orgId)).toMatchObject({ status: 'intact' });
      // Rotation: a new first key encrypts; the old one still decrypts.
      server.ctx.config.archive = { ...server.ctx.config.archive, bodyKeys: `k2:${generateBodyKey()},${k1}` };
      expect(await verifyArchive(server.ctx, orgId)).toMatchObject({ status: 'intact' });
    } finally {
      await server.close();
    }
  });
});
