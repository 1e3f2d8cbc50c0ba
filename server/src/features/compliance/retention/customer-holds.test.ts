import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedArchiveNotice } from '../../../../test/archive-consent-fixture.js';
import { makeLink, type Visitor, visitThroughLink } from '../../../../test/contact-link-fixtures.js';
import { caller, type Headers } from '../../../../test/customer-fixtures.js';
import { makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { verifyArchive } from '../archive/verify-archive.js';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('legal holds on a customer on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let org: TestOrg;
  let admin: Headers;
  let seller: Headers;
  let sellerId: string;
  let held: Visitor;
  let other: Visitor;
  let heldCustomerId: string;
  let call: ReturnType<typeof caller>;

  const customerOf = async (conversationId: string) => {
    const row = await server.ctx.db
      .selectFrom('customer_conversations')
      .select('customer_id')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    return row.customer_id;
  };
  let sent = 0;
  const say = async (headers: Headers, conversationId: string, body: string) => {
    const res = await call(headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      clientMsgId: `m-${++sent}`,
      body,
    });
    expect(res.statusCode, res.body).toBe(200);
    await server.ctx.bus.drain();
  };
  const kept = async () => {
    const rows = await server.ctx.db
      .selectFrom('archive_records')
      .select(['content', 'conversation_id'])
      .where('org_id', '=', org.orgId)
      .where('type', '=', 'message.created')
      .orderBy('seq')
      .execute();
    return rows.map((r) => [r.conversation_id, r.content ? (JSON.parse(r.content) as { body?: string }).body : null]);
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    call = caller(server);
    org = await makeOrg(server.ctx, '客户保全公司');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    sellerId = (await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, name: '销售小周' })).id;
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    await acceptedArchiveNotice(server.ctx, org.orgId, [sellerId]);
    const settings = await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' });
    expect(settings.statusCode, settings.body).toBe(200);
    const link = await makeLink(server, seller, { name: '名片' });
    const agreed = { consent: 'agreed' };
    held = await visitThroughLink(server, smtp, link.code, 'held@example.test', '涉诉客户', agreed);
    other = await visitThroughLink(server, smtp, link.code, 'other@example.test', '普通客户', agreed);
    heldCustomerId = await customerOf(held.conversationId);
    await say(held.headers, held.conversationId, '合同的事');
    await say(seller, held.conversationId, '好的我来处理');
    await say(other.headers, other.conversationId, '问个价格');
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('keeps a held customer’s chat through a purge, names the customer, and lets it go once released', async () => {
    const hold = await call(admin, 'POST', '/api/v1/archive/holds', {
      kind: 'customer',
      targetId: heldCustomerId,
      reason: '合同纠纷',
    });
    expect(hold.statusCode, hold.body).toBe(200);
    expect(hold.json()).toMatchObject({
      kind: 'customer',
      targetName: '涉诉客户',
      targetKind: 'customer',
      targetStatus: 'active',
    });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['target_type', 'target_id'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'archive.hold_placed')
      .execute();
    expect(audit).toEqual([{ target_type: 'customer', target_id: heldCustomerId }]);

    await call(admin, 'PUT', '/api/v1/archive/retention', { keepDays: 30, departments: [] });
    server.clock.advance(40 * DAY);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const run = await call(admin, 'POST', '/api/v1/archive/retention/run');
    expect(run.statusCode, run.body).toBe(200);
    expect(await kept()).toEqual([
      [held.conversationId, '合同的事'],
      [held.conversationId, '好的我来处理'],
      [other.conversationId, null],
    ]);
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'intact' });

    const released = await call(admin, 'POST', `/api/v1/archive/holds/${hold.json().id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    await call(admin, 'POST', '/api/v1/archive/retention/run');
    expect((await kept()).map(([, body]) => body)).toEqual([null, null, null]);
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'intact' });
  });

  it('refuses a customer hold from another org, on an unknown customer, and from a plain member', async () => {
    const stranger = await makeOrg(server.ctx, '别家公司');
    const strangerAdmin = await sessionFor(server.ctx, stranger.orgId, stranger.ownerId);
    const foreign = await call(strangerAdmin, 'POST', '/api/v1/archive/holds', {
      kind: 'customer',
      targetId: heldCustomerId,
      reason: '试探',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    const missing = await call(admin, 'POST', '/api/v1/archive/holds', {
      kind: 'customer',
      targetId: '00000000-0000-4000-8000-000000000000',
      reason: '不存在',
    });
    expect(missing.statusCode).toBe(404);
    // The first test moved the clock past the test session's day: sign in again.
    seller = await sessionFor(server.ctx, org.orgId, sellerId);
    const plain = await call(seller, 'POST', '/api/v1/archive/holds', {
      kind: 'customer',
      targetId: heldCustomerId,
      reason: '越权',
    });
    expect(plain.statusCode).toBe(403);
  });
});
