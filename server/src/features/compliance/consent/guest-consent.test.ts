import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { makeGuest } from '../../../../test/messaging-factories.js';
import { listen } from '../../../../test/realtime-helpers.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { WsTestClient } from '../../../../test/ws-client.js';
import { verifyArchive } from '../archive/verify-archive.js';

type Headers = { authorization: string };
type Guest = { id: string; conversationId: string; headers: Headers };

describe.each(STORE_KINDS)('external participants and the archive notice on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let org: TestOrg;
  let admin: Headers;
  let seller: Person;
  let colleague: Person;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    org = await makeOrg(server.ctx, '外部存档公司');
    seller = await person(server.ctx, org, '客户经理');
    colleague = await person(server.ctx, org, '同事');
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    await call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all' });
    for (const who of [seller, colleague]) {
      await call(who.headers, 'POST', '/api/v1/archive/notice/accept', { version: 1 });
    }
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  async function call(headers: Headers | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const res = await server.app.inject({
      method,
      url,
      ...(headers ? { headers } : {}),
      ...(payload ? { payload } : {}),
    });
    await server.ctx.bus.drain();
    return res;
  }
  const setPolicy = (declinePolicy: 'not_archived' | 'no_messaging') =>
    call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all', declinePolicy });

  async function externalGroup(name: string) {
    const group = await createGroup(server, seller, { kind: 'external', name, memberIds: [colleague.id] });
    const invite = await call(seller.headers, 'POST', `/api/v1/conversations/${group.id}/invites`, {});
    return { id: group.id, code: String(invite.json().code) };
  }

  async function requestCode(code: string) {
    const email = `visitor${++n}@example.test`;
    expect((await call(null, 'POST', `/api/v1/invites/${code}/email-code`, { email })).statusCode).toBe(202);
    return email;
  }

  async function join(code: string, consent?: 'agreed' | 'declined', name = '王女士'): Promise<Guest> {
    const email = await requestCode(code);
    const res = await call(null, 'POST', `/api/v1/invites/${code}/guest-join`, {
      email,
      code: smtp.lastCodeFor(email),
      displayName: name,
      ...(consent ? { consent } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    server.clock.advance(61_000);
    const body = res.json() as { token: string; conversationId: string; participant: { id: string } };
    return {
      id: body.participant.id,
      conversationId: body.conversationId,
      headers: { authorization: `Bearer ${body.token}` },
    };
  }

  let k = 0;
  const send = (headers: Headers, conversationId: string, body: string) =>
    call(headers, 'POST', `/api/v1/conversations/${conversationId}/messages`, { clientMsgId: `c${k++}`, body });
  const archivedBodies = async (conversationId: string) => {
    const rows = await server.ctx.db
      .selectFrom('archive_records')
      .select('content')
      .where('org_id', '=', org.orgId)
      .where('conversation_id', '=', conversationId)
      .where('type', '=', 'message.created')
      .orderBy('seq')
      .execute();
    return rows.map((r) => (JSON.parse(r.content ?? '{}') as { body: string }).body);
  };
  const consentTypes = async (subjectId: string) => {
    const rows = await server.ctx.db
      .selectFrom('archive_records')
      .select(['type', 'attrs'])
      .where('org_id', '=', org.orgId)
      .where('type', 'like', 'consent.%')
      .orderBy('seq')
      .execute();
    return rows.filter((r) => JSON.parse(r.attrs).subjectId === subjectId).map((r) => r.type);
  };

  it('shows the notice on the join page and needs an answer to join an archived group', async () => {
    const group = await externalGroup('客户服务群');
    const preview = await call(null, 'GET', `/api/v1/invites/${group.code}`);
    expect(preview.json().archiveNotice).toEqual({ version: 1, text: expect.stringContaining('存档') });

    const email = await requestCode(group.code);
    const code = smtp.lastCodeFor(email);
    const missing = await call(null, 'POST', `/api/v1/invites/${group.code}/guest-join`, {
      email,
      code,
      displayName: '王女士',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'invalid', details: { field: 'consent', noticeVersion: 1 } });
    const stale = await call(null, 'POST', `/api/v1/invites/${group.code}/guest-join`, {
      email,
      code,
      displayName: '王女士',
      consent: 'agreed',
      noticeVersion: 7,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await call(null, 'POST', `/api/v1/invites/${group.code}/guest-join`, {
      email,
      code,
      displayName: '王女士',
      consent: 'maybe',
    });
    expect(bad.statusCode).toBe(400);
    // Refusals leave the code usable.
    const joined = await call(null, 'POST', `/api/v1/invites/${group.code}/guest-join`, {
      email,
      code,
      displayName: '王女士',
      consent: 'agreed',
      noticeVersion: 1,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const headers = { authorization: `Bearer ${joined.json().token}` };
    const mine = await call(headers, 'GET', '/api/v1/guest/consent');
    expect(mine.json()).toMatchObject({
      covered: true,
      notice: { version: 1 },
      status: 'agreed',
      noticeVersion: 1,
      at: expect.any(String),
      declinePolicy: 'not_archived',
    });
    const rows = await server.ctx.db
      .selectFrom('archive_consents')
      .select(['action', 'status', 'via', 'conversation_id', 'subject_kind'])
      .where('subject_id', '=', joined.json().participant.id)
      .execute();
    expect(rows).toEqual([
      { action: 'agreed', status: 'agreed', via: 'join', conversation_id: group.id, subject_kind: 'guest' },
    ]);
    expect(await consentTypes(joined.json().participant.id)).toEqual(['consent.agreed']);
  });

  it('under not_archived, keeps a group out of the archive while its guest declines and tells members why', async () => {
    await setPolicy('not_archived');
    const group = await externalGroup('报价沟通群');
    await send(seller.headers, group.id, '加入前的消息');
    const guest = await join(group.code, 'declined', '陈先生');
    const state = await call(seller.headers, 'GET', `/api/v1/archive/conversations/${group.id}/consent`);
    expect(state.json()).toMatchObject({
      covered: true,
      archived: false,
      declinePolicy: 'not_archived',
      declinedGuests: [{ id: guest.id, name: '陈先生' }],
      messagingBlocked: false,
    });

    expect((await send(seller.headers, group.id, '拒绝期间的报价')).statusCode).toBe(200);
    expect((await send(guest.headers, group.id, '我不同意存档')).statusCode).toBe(200);
    expect(await archivedBodies(group.id)).toEqual(['加入前的消息']);

    server.clock.advance(1000);
    const agreed = await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'agreed', noticeVersion: 1 });
    expect(agreed.json()).toMatchObject({ status: 'agreed' });
    expect(
      (await call(seller.headers, 'GET', `/api/v1/archive/conversations/${group.id}/consent`)).json(),
    ).toMatchObject({ archived: true, declinedGuests: [] });
    await send(seller.headers, group.id, '同意之后的消息');
    expect(await archivedBodies(group.id)).toEqual(['加入前的消息', '同意之后的消息']);
    // A sweep later decides the same: the declined span stays out.
    await server.ctx.db
      .updateTable('archive_cursors')
      .set({ last_seq: 0 })
      .where('conversation_id', '=', group.id)
      .execute();
    await call(admin, 'POST', '/api/v1/archive/verify');
    expect(await archivedBodies(group.id)).toEqual(['加入前的消息', '同意之后的消息']);
    expect(await consentTypes(guest.id)).toEqual(['consent.declined', 'consent.agreed']);
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'intact' });
  });

  it('under no_messaging, nobody sends in the group of a guest who withdrew until they agree again', async () => {
    await setPolicy('no_messaging');
    const group = await externalGroup('售后群');
    const guest = await join(group.code, 'agreed', '赵总');
    expect((await send(seller.headers, group.id, '赵总您好')).statusCode).toBe(200);

    server.clock.advance(1000);
    const withdrawn = await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'declined' });
    expect(withdrawn.json()).toMatchObject({ status: 'declined', declinePolicy: 'no_messaging' });
    const refused = await send(seller.headers, group.id, '报价单已发');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'archive_consent_declined',
      details: { guests: [{ id: guest.id, name: '赵总' }], self: false },
    });
    expect(refused.json().error.message).toContain('赵总');
    const own = await send(guest.headers, group.id, '我还想发消息');
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'archive_consent_declined', details: { self: true } });
    expect(
      (await call(colleague.headers, 'GET', `/api/v1/archive/conversations/${group.id}/consent`)).json(),
    ).toMatchObject({ archived: true, messagingBlocked: true, declinedGuests: [{ name: '赵总' }] });

    server.clock.advance(1000);
    await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'agreed' });
    expect((await send(seller.headers, group.id, '报价单已发')).statusCode).toBe(200);
    expect(await consentTypes(guest.id)).toEqual(['consent.agreed', 'consent.withdrawn', 'consent.agreed']);
    const actions = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'archive.consent_changed')
      .where('target_id', '=', guest.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => JSON.parse(a.after ?? '{}').action)).toEqual(['agreed', 'withdrawn', 'agreed']);
    await setPolicy('not_archived');
  });

  it('lists external participants as agreed, declined or not asked, filtered by status', async () => {
    const group = await externalGroup('老客户群');
    const asked = await join(group.code, 'declined', '孙女士');
    const unasked = await makeGuest(server.ctx, org, group.id, '钱先生');
    const list = await call(admin, 'GET', '/api/v1/archive/consents?kind=guest&limit=200');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      subject: { id: string; kind: string };
      status: string;
      conversation: unknown;
    }[];
    expect(items.every((i) => i.subject.kind === 'guest')).toBe(true);
    expect(items.find((i) => i.subject.id === asked.id)).toMatchObject({
      status: 'declined',
      noticeVersion: 1,
      conversation: { id: group.id, name: '老客户群' },
    });
    expect(items.find((i) => i.subject.id === unasked)).toMatchObject({
      status: 'not_asked',
      noticeVersion: null,
      at: null,
    });
    const declined = await call(admin, 'GET', '/api/v1/archive/consents?status=declined');
    expect(declined.json().items.map((i: { subject: { id: string } }) => i.subject.id)).toContain(asked.id);
    expect(declined.json().items.every((i: { status: string }) => i.status === 'declined')).toBe(true);
    const notAsked = await call(admin, 'GET', '/api/v1/archive/consents?status=not_asked');
    expect(notAsked.json().items.map((i: { subject: { id: string } }) => i.subject.id)).toEqual([unasked]);
    expect(
      (await call(await sessionFor(server.ctx, org.orgId, unasked), 'GET', '/api/v1/guest/consent')).json(),
    ).toMatchObject({ status: 'not_asked', noticeVersion: null });
  });

  it('keeps guests to their own routes and members off the guest route, with clear errors', async () => {
    const group = await externalGroup('路由测试群');
    const guest = await join(group.code, 'agreed', '周先生');
    expect((await call(guest.headers, 'GET', '/api/v1/archive/notice')).statusCode).toBe(403);
    expect((await call(guest.headers, 'POST', '/api/v1/archive/notice/accept', { version: 1 })).statusCode).toBe(403);
    expect((await call(guest.headers, 'GET', `/api/v1/archive/conversations/${group.id}/consent`)).statusCode).toBe(
      403,
    );
    expect((await call(seller.headers, 'GET', '/api/v1/guest/consent')).statusCode).toBe(403);
    const bad = await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'whatever' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid');
    const stale = await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'declined', noticeVersion: 9 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ currentVersion: 1 });
    expect((await call(guest.headers, 'GET', '/api/v1/guest/consent')).json().status).toBe('agreed');
  });

  it('asks nothing of visitors joining a group that is not archived', async () => {
    const other = await makeOrg(server.ctx, '未开存档公司');
    const owner = await person(server.ctx, other, '负责人');
    const group = await createGroup(server, owner, { kind: 'external', name: '普通外部群' });
    const invite = await call(owner.headers, 'POST', `/api/v1/conversations/${group.id}/invites`, {});
    const code = String(invite.json().code);
    expect((await call(null, 'GET', `/api/v1/invites/${code}`)).json().archiveNotice).toBeNull();
    const guest = await join(code);
    expect((await call(guest.headers, 'GET', '/api/v1/guest/consent')).json()).toMatchObject({
      covered: false,
      status: 'not_asked',
    });
    expect((await send(guest.headers, group.id, '你好')).statusCode).toBe(200);
  });

  it('pushes each answer to the group’s members at once, and to nobody outside it', async () => {
    const group = await externalGroup('实时同意群');
    const outsider = await person(server.ctx, org, '群外同事');
    const base = await listen(server);
    const tokenOf = (p: Person) => p.headers.authorization.slice('Bearer '.length);
    const inside = await WsTestClient.connect(base, { token: tokenOf(colleague) });
    const outside = await WsTestClient.connect(base, { token: tokenOf(outsider) });
    try {
      const guest = await join(group.code, 'declined', '林女士');
      expect(await inside.waitFor((f) => f.type === 'consent')).toEqual({
        type: 'consent',
        conversationId: group.id,
        subjectId: guest.id,
      });
      await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'agreed', noticeVersion: 1 });
      // Repeating the same answer changes nothing and pushes nothing.
      await call(guest.headers, 'POST', '/api/v1/guest/consent', { consent: 'agreed', noticeVersion: 1 });
      await inside.roundTrip();
      await outside.roundTrip();
      expect(inside.frames.filter((f) => f.type === 'consent')).toHaveLength(2);
      expect(outside.frames.filter((f) => f.type === 'consent')).toEqual([]);
    } finally {
      await inside.close();
      await outside.close();
    }
  });
});
