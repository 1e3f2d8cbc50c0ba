import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedArchiveNotice } from '../../../../test/archive-consent-fixture.js';
import { createGroup, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeDepartment, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { PURGE_RECORD_TYPE } from '../archive/append-records.js';
import { verifyArchive } from '../archive/verify-archive.js';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('archive retention and legal holds on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: { authorization: string };
  let seller: Person;
  let held: Person;
  let banker: Person;
  let finance: string;
  let groupId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '保留期限公司');
    finance = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '财务部');
    seller = await person(server.ctx, org, '销售');
    held = await person(server.ctx, org, '被保全的人');
    banker = await person(server.ctx, org, '财务', finance);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    await acceptedArchiveNotice(server.ctx, org.orgId, [seller.id, held.id, banker.id]);
    await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' });
    server.clock.advance(1000);
    groupId = (await createGroup(server, seller, { name: '保留群', memberIds: [held.id, banker.id] })).id;
    for (const [i, who] of [seller, held, banker, seller].entries()) {
      await call(who.headers, 'POST', `/api/v1/conversations/${groupId}/messages`, {
        clientMsgId: `old-${i}`,
        body: `旧消息${i}`,
      });
    }
  });
  afterAll(() => server.close());

  async function call(
    headers: { authorization: string },
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  }
  const messageRecords = () =>
    server.ctx.db
      .selectFrom('archive_records')
      .select(['id', 'seq', 'actor_id', 'content', 'type'])
      .where('org_id', '=', org.orgId)
      .orderBy('seq')
      .execute();

  it('purges content past its period except under holds and longer department periods, and stays verifiable', async () => {
    const policy = await call(admin, 'PUT', '/api/v1/archive/retention', {
      keepDays: 30,
      departments: [{ departmentId: finance, keepDays: 3650 }],
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const hold = await call(admin, 'POST', '/api/v1/archive/holds', {
      kind: 'member',
      targetId: held.id,
      reason: '诉讼保全',
    });
    expect(hold.statusCode).toBe(200);
    expect(hold.json()).toMatchObject({ targetName: '被保全的人', targetKind: 'staff', targetStatus: 'active' });
    expect(typeof hold.json().createdByName).toBe('string');

    server.clock.advance(40 * DAY);
    // Test sessions last a day: sign in again after the jump.
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    for (const p of [seller, held, banker]) {
      p.headers = { authorization: (await sessionFor(server.ctx, org.orgId, p.id)).authorization };
    }
    await call(seller.headers, 'POST', `/api/v1/conversations/${groupId}/messages`, {
      clientMsgId: 'new',
      body: '新消息',
    });

    const run = await call(admin, 'POST', '/api/v1/archive/retention/run');
    expect(run.statusCode).toBe(200);
    expect(run.json().purged).toBeGreaterThan(0);

    const rows = await messageRecords();
    const body = (r: { content: string | null }) =>
      r.content ? (JSON.parse(r.content) as { body?: string }).body : null;
    const created = rows.filter((r) => r.type === 'message.created');
    expect(created.filter((r) => r.actor_id === seller.id).map(body)).toEqual([null, null, '新消息']);
    expect(created.filter((r) => r.actor_id === held.id).map(body)).toEqual(['旧消息1']);
    expect(created.filter((r) => r.actor_id === banker.id).map(body)).toEqual(['旧消息2']);
    const purges = rows.filter((r) => r.type === PURGE_RECORD_TYPE);
    expect(purges.length).toBe(run.json().spans.length);

    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'intact', count: rows.length });
    // Purged text is no longer findable; what is kept still is.
    const found = await call(admin, 'GET', `/api/v1/archive/search?q=${encodeURIComponent('旧消息')}`);
    expect(found.statusCode, found.body).toBe(200);
    const foundSenders = (found.json().items as { sender: { id: string } }[]).map((h) => h.sender.id).sort();
    expect(foundSenders).toEqual([held.id, banker.id].sort());
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'archive.purged')
      .execute();
    expect(audit).toHaveLength(1);

    // Released, the hold no longer protects; a second run takes the rest that expired.
    await call(admin, 'POST', `/api/v1/archive/holds/${hold.json().id}/release`);
    const again = await call(admin, 'POST', '/api/v1/archive/retention/run');
    expect(again.json().purged).toBeGreaterThan(0);
    const after = await messageRecords();
    expect(after.filter((r) => r.type === 'message.created' && r.actor_id === held.id).map(body)).toEqual([null]);
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'intact' });
    // Nothing more to purge: the run is a no-op.
    expect((await call(admin, 'POST', '/api/v1/archive/retention/run')).json()).toEqual({ purged: 0, spans: [] });

    // The holds list names what each hold is on, the conversation included.
    await call(admin, 'POST', '/api/v1/archive/holds', { kind: 'conversation', targetId: groupId, reason: '审计' });
    const listed = (await call(admin, 'GET', '/api/v1/archive/holds')).json().items as {
      kind: string;
      targetName: string;
      releasedAt: string | null;
    }[];
    expect(listed.map((h) => [h.kind, h.targetName, h.releasedAt === null])).toEqual([
      ['conversation', '保留群', true],
      ['member', '被保全的人', false],
    ]);
  });

  it('refuses bad policies and holds with clear errors, and plain members', async () => {
    expect((await call(admin, 'PUT', '/api/v1/archive/retention', { keepDays: 0, departments: [] })).statusCode).toBe(
      400,
    );
    const unknown = await call(admin, 'POST', '/api/v1/archive/holds', {
      kind: 'conversation',
      targetId: '00000000-0000-4000-8000-000000000000',
      reason: '案件',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await call(seller.headers, 'GET', '/api/v1/archive/holds')).statusCode).toBe(403);
    expect((await call(seller.headers, 'POST', '/api/v1/archive/retention/run')).statusCode).toBe(403);
  });
});
