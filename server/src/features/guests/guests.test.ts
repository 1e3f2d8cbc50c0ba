import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, orgWith, type Person, person } from '../../../test/conversation-fixtures.js';
import { sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { listen } from '../../../test/realtime-helpers.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { WsTestClient } from '../../../test/ws-client.js';

describe.each(STORE_KINDS)('external participants joining by email code on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let owner: Person;
  let colleague: Person;
  let org: TestOrg;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    const made = await orgWith(server.ctx, ['客户经理', '同事']);
    org = made.org;
    [owner, colleague] = made.people as [Person, Person];
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const as = (headers: Record<string, string> | null) => ({
    get: (url: string) => server.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: (url: string, payload?: object) =>
      server.app.inject({ method: 'POST', url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) }),
    patch: (url: string, payload: object) =>
      server.app.inject({ method: 'PATCH', url, ...(headers ? { headers } : {}), payload }),
  });
  const visitor = as(null);
  const email = () => `customer${++n}@example.test`;

  async function externalGroupWithInvite(body: object = {}) {
    const group = await createGroup(server, owner, { kind: 'external', name: '客户服务群', memberIds: [colleague.id] });
    expect(group.status).toBe(201);
    const invite = await as(owner.headers).post(`/api/v1/conversations/${group.id}/invites`, body);
    expect(invite.statusCode).toBe(201);
    return { groupId: group.id, code: String(invite.json().code) };
  }

  async function joinAsGuest(code: string, address: string, displayName = '王女士') {
    const sent = await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address });
    expect(sent.statusCode).toBe(202);
    const res = await visitor.post(`/api/v1/invites/${code}/guest-join`, {
      email: address,
      code: smtp.lastCodeFor(address),
      displayName,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { token: string; conversationId: string; participant: { id: string; name: string } };
    server.clock.advance(61_000);
    return { ...body, headers: { authorization: `Bearer ${body.token}` } };
  }

  it('previews the link without sign-in, emails a code, and admits a guest limited to that group', async () => {
    const { groupId, code } = await externalGroupWithInvite();
    const preview = await visitor.get(`/api/v1/invites/${code}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      groupName: '客户服务群',
      kind: 'external',
      memberCount: 2,
      status: 'valid',
      mailConfigured: true,
    });

    const address = email();
    const guest = await joinAsGuest(code, address.toUpperCase(), '  王  女士 ');
    const mail = smtp.mails.at(-1);
    expect(mail?.to).toEqual([address]);
    expect(mail?.text).toContain('客户服务群');
    expect(guest.conversationId).toBe(groupId);
    expect(guest.participant.name).toBe('王 女士');

    // The guest chats in the group like anyone else…
    const g = as(guest.headers);
    const sent = await g.post(`/api/v1/conversations/${groupId}/messages`, {
      clientMsgId: 'g-1',
      body: '你好，想了解报价',
    });
    expect(sent.statusCode).toBe(200);
    const seen = await as(owner.headers).get(`/api/v1/conversations/${groupId}/messages`);
    expect(seen.json().items.at(-1)).toMatchObject({ body: '你好，想了解报价', sender: { id: guest.participant.id } });
    const detail = (await g.get(`/api/v1/conversations/${groupId}`)).json();
    expect(detail.members).toContainEqual(
      expect.objectContaining({ id: guest.participant.id, kind: 'guest', role: 'member' }),
    );
    expect((await g.get('/api/v1/conversations')).json().items.map((c: { id: string }) => c.id)).toEqual([groupId]);

    // …and reaches nothing else: no directory, no other group, no new conversations, no invites.
    const other = await createGroup(server, owner, { kind: 'external', name: '另一个群' });
    expect((await g.get(`/api/v1/conversations/${other.id}`)).statusCode).toBe(404);
    expect((await g.get('/api/v1/members')).statusCode).toBe(403);
    expect((await g.get('/api/v1/me')).statusCode).toBe(403);
    expect((await g.post('/api/v1/conversations', { kind: 'direct', memberId: owner.id })).statusCode).toBe(403);
    expect((await g.post(`/api/v1/conversations/${groupId}/invites`, {})).statusCode).toBe(403);
    expect((await g.post(`/api/v1/conversations/${groupId}/members`, { memberIds: [owner.id] })).statusCode).toBe(403);

    // Guests are not colleagues: not in the directory, never added elsewhere, never owners.
    const directory = (await as(owner.headers).get('/api/v1/members?limit=200')).json();
    expect(directory.items.map((m: { id: string }) => m.id)).not.toContain(guest.participant.id);
    expect((await as(owner.headers).get(`/api/v1/members/${guest.participant.id}`)).statusCode).toBe(404);
    const addElsewhere = await as(owner.headers).post(`/api/v1/conversations/${other.id}/members`, {
      memberIds: [guest.participant.id],
    });
    expect(addElsewhere.statusCode).toBe(404);
    const direct = await as(owner.headers).post('/api/v1/conversations', {
      kind: 'direct',
      memberId: guest.participant.id,
    });
    expect(direct.statusCode).toBe(404);
    const transfer = await as(owner.headers).post(`/api/v1/conversations/${groupId}/transfer-owner`, {
      memberId: guest.participant.id,
    });
    expect(transfer.statusCode).toBe(400);
    expect(transfer.json().error.details).toMatchObject({ reason: 'guest' });

    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'after'])
      .where('action', '=', 'conversation.guest_joined')
      .where('target_id', '=', groupId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ email: address, firstTime: true });
  });

  it('delivers live messages to a guest over the WebSocket', async () => {
    const { groupId, code } = await externalGroupWithInvite();
    const guest = await joinAsGuest(code, email());
    const base = await listen(server);
    const socket = await WsTestClient.connect(base, { token: guest.token });
    try {
      const res = await as(owner.headers).post(`/api/v1/conversations/${groupId}/messages`, {
        clientMsgId: 'o-1',
        body: '您好',
      });
      expect(res.statusCode).toBe(200);
      const frame = await socket.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.created' && f.event.conversationId === groupId,
      );
      expect(frame).toMatchObject({ event: { payload: { body: '您好' } } });
    } finally {
      socket.close();
    }
  });

  it('signs a returning guest in as the same participant, even after the link expired', async () => {
    const { code } = await externalGroupWithInvite({ expiresInHours: 1 });
    const address = email();
    const first = await joinAsGuest(code, address);
    server.clock.advance(2 * 3_600_000);
    const again = await joinAsGuest(code, address, '王总');
    expect(again.participant.id).toBe(first.participant.id);
    expect(again.participant.name).toBe('王总');
    // A newcomer cannot use the expired link.
    const refused = await visitor.post(`/api/v1/invites/${code}/email-code`, { email: email() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ reason: 'expired' });
  });

  it('refuses wrong, reused and stale codes, and locks a code after five wrong tries', async () => {
    const { groupId, code } = await externalGroupWithInvite();
    const address = email();
    const join = (c: string) =>
      visitor.post(`/api/v1/invites/${code}/guest-join`, { email: address, code: c, displayName: '李先生' });
    expect((await join('123456')).json().error.details).toMatchObject({ reason: 'expired' });
    await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address });
    const right = smtp.lastCodeFor(address);
    const wrong = right === '000000' ? '111111' : '000000';
    const first = await join(wrong);
    expect(first.statusCode).toBe(400);
    expect(first.json().error.details).toMatchObject({ field: 'code', reason: 'wrong', attemptsLeft: 4 });
    for (let i = 0; i < 4; i++) await join(wrong);
    const locked = await join(right);
    expect(locked.statusCode).toBe(429);
    const members = (await as(owner.headers).get(`/api/v1/conversations/${groupId}`)).json().memberCount;
    expect(members).toBe(2);

    // A new code works once; using it again is refused.
    server.clock.advance(61_000);
    await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address });
    expect((await join(smtp.lastCodeFor(address))).statusCode).toBe(200);
    expect((await join(smtp.lastCodeFor(address))).statusCode).toBe(400);

    // Codes expire after ten minutes.
    const late = email();
    server.clock.advance(61_000);
    await visitor.post(`/api/v1/invites/${code}/email-code`, { email: late });
    const lateCode = smtp.lastCodeFor(late);
    server.clock.advance(10 * 60_000 + 1);
    const expired = await visitor.post(`/api/v1/invites/${code}/guest-join`, {
      email: late,
      code: lateCode,
      displayName: '迟到',
    });
    expect(expired.json().error.details).toMatchObject({ reason: 'expired' });
  });

  it('limits how often codes are sent to one address', async () => {
    const { code } = await externalGroupWithInvite();
    const address = email();
    expect((await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address })).statusCode).toBe(202);
    const soon = await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address });
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) {
      server.clock.advance(61_000);
      expect((await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address })).statusCode).toBe(202);
    }
    server.clock.advance(61_000);
    expect((await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address })).statusCode).toBe(429);
  });

  it('counts guests against the group limit and refuses with limit_exceeded, leaving nothing behind', async () => {
    const { groupId, code } = await externalGroupWithInvite();
    await joinAsGuest(code, email());
    await server.ctx.db.updateTable('conversations').set({ member_limit: 3 }).where('id', '=', groupId).execute();
    const address = email();
    await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address });
    const res = await visitor.post(`/api/v1/invites/${code}/guest-join`, {
      email: address,
      code: smtp.lastCodeFor(address),
      displayName: '超员',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('limit_exceeded');
    const guests = await server.ctx.db
      .selectFrom('guest_identities')
      .select('member_id')
      .where('conversation_id', '=', groupId)
      .execute();
    expect(guests).toHaveLength(1);
  });

  it('never hands a departing owner’s group to a guest; a group of guests only is dissolved', async () => {
    const admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const depart = async (memberId: string) => {
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/members/${memberId}/depart`,
        headers: admin,
        payload: {},
      });
      expect(res.statusCode).toBe(200);
      await server.ctx.bus.drain();
    };
    const seller = await person(server.ctx, org, '将离职销售');
    const late = await person(server.ctx, org, '后加入的同事');
    const shared = await createGroup(server, seller, { kind: 'external', name: '客户群A' });
    const sharedCode = (await as(seller.headers).post(`/api/v1/conversations/${shared.id}/invites`, {})).json().code;
    await joinAsGuest(sharedCode, email());
    expect(
      (await as(seller.headers).post(`/api/v1/conversations/${shared.id}/members`, { memberIds: [late.id] }))
        .statusCode,
    ).toBe(200);
    const lonely = await createGroup(server, seller, { kind: 'external', name: '客户群B' });
    const lonelyCode = (await as(seller.headers).post(`/api/v1/conversations/${lonely.id}/invites`, {})).json().code;
    const guest = await joinAsGuest(lonelyCode, email());

    await depart(seller.id);
    // The guest joined first, yet the colleague takes over.
    expect((await as(late.headers).get(`/api/v1/conversations/${shared.id}`)).json()).toMatchObject({
      owner: { id: late.id },
      status: 'active',
    });
    const left = (await as(guest.headers).get(`/api/v1/conversations/${lonely.id}`)).json();
    expect(left).toMatchObject({ status: 'dissolved' });
  });

  it('keeps internal links for colleagues and says why', async () => {
    const group = await createGroup(server, owner, { kind: 'group', name: '内部群' });
    const code = (await as(owner.headers).post(`/api/v1/conversations/${group.id}/invites`, {})).json().code;
    expect((await visitor.get(`/api/v1/invites/${code}`)).json()).toMatchObject({ kind: 'group' });
    const res = await visitor.post(`/api/v1/invites/${code}/email-code`, { email: email() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({ reason: 'members_only' });
    expect(smtp.mails.filter((m) => m.subject.includes('内部群'))).toHaveLength(0);
  });

  it('answers unknown links with 404 and bad input with 400', async () => {
    expect((await visitor.get('/api/v1/invites/AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    const { code } = await externalGroupWithInvite();
    expect((await visitor.post(`/api/v1/invites/${code}/email-code`, { email: 'not-an-email' })).statusCode).toBe(400);
    const noName = await visitor.post(`/api/v1/invites/${code}/guest-join`, {
      email: email(),
      code: '123456',
      displayName: '   ',
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details).toMatchObject({ field: 'displayName' });
  });

  it('tells the visitor when the mail cannot be sent and keeps no code', async () => {
    const { code } = await externalGroupWithInvite();
    const address = email();
    smtp.refuse(true);
    try {
      const res = await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('mail_unavailable');
    } finally {
      smtp.refuse(false);
    }
    const stored = await server.ctx.db.selectFrom('email_codes').select('id').where('email', '=', address).execute();
    expect(stored).toEqual([]);
    // The failed attempt does not hold the address back.
    expect((await visitor.post(`/api/v1/invites/${code}/email-code`, { email: address })).statusCode).toBe(202);
  });
});

describe('external participants without mail configured', () => {
  it('answers mail_unavailable and the preview says so', async () => {
    const server = await startTestServer('sqlite');
    try {
      const [owner] = (await orgWith(server.ctx, ['群主'])).people as [Person];
      const group = await createGroup(server, owner, { kind: 'external', name: '客户群' });
      const code = (
        await server.app.inject({
          method: 'POST',
          url: `/api/v1/conversations/${group.id}/invites`,
          headers: owner.headers,
          payload: {},
        })
      ).json().code;
      const preview = await server.app.inject({ method: 'GET', url: `/api/v1/invites/${code}` });
      expect(preview.json().mailConfigured).toBe(false);
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/invites/${code}/email-code`,
        payload: { email: 'a@example.test' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('mail_unavailable');
    } finally {
      await server.close();
    }
  });
});
