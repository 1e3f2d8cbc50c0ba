import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, eventsOf, orgWith, type Person, person } from '../../../test/conversation-fixtures.js';
import { sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';
import type { DomainEvent } from '../../platform/bus.js';

describe.each(STORE_KINDS)('group membership rules on %s', (kind) => {
  let server: TestServer;
  let orgId: string;
  let org: TestOrg;
  let orgOwner: { authorization: string };
  let owner: Person;
  let admin: Person;
  let admin2: Person;
  let plain: Person;
  let extra: Person;
  let late: Person;
  const published: DomainEvent[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    server.ctx.bus.on('*', (e) => {
      if (e.type.startsWith('conversation.')) published.push(e);
    });
    const made = await orgWith(server.ctx, ['群主', '管理甲', '管理乙', '普通成员', '新同事', '后来者']);
    orgId = made.org.orgId;
    [owner, admin, admin2, plain, extra, late] = made.people as [Person, Person, Person, Person, Person, Person];
    org = made.org;
    orgOwner = await sessionFor(server.ctx, orgId, made.org.ownerId);
  });
  afterAll(() => server.close());

  const inject = (who: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  async function group(): Promise<string> {
    const g = await createGroup(server, owner, { memberIds: [admin.id, admin2.id, plain.id] });
    for (const a of [admin, admin2]) {
      server.clock.advance(1000);
      const res = await inject(owner, 'PATCH', `/api/v1/conversations/${g.id}/members/${a.id}`, { role: 'admin' });
      expect(res.statusCode).toBe(200);
    }
    return g.id;
  }

  it('adds members, skips those already in, and carries the welcome message in the event', async () => {
    const id = await group();
    await inject(owner, 'PATCH', `/api/v1/conversations/${id}`, { settings: { welcomeMessage: '欢迎新同事' } });
    const before = await eventsOf(server, id);
    published.length = 0;
    const res = await inject(plain, 'POST', `/api/v1/conversations/${id}/members`, {
      memberIds: [extra.id, admin.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberCount).toBe(5);
    await server.ctx.bus.drain();
    const added = published.filter((e) => e.type === 'conversation.member_added');
    expect(added).toHaveLength(1);
    expect(added[0]?.data.payload).toEqual({
      memberIds: [extra.id],
      members: [{ id: extra.id, name: '新同事' }],
      welcomeMessage: '欢迎新同事',
    });
    const events = await eventsOf(server, id);
    expect(events.map(([seq]) => seq)).toEqual(events.map((_, i) => i + 1));
    // One member_added event for the change (the message feature may follow with a welcome message).
    expect(events[before.length]).toEqual([before.length + 1, 'conversation.member_added']);
    expect(events.slice(before.length).filter(([, t]) => t.startsWith('conversation.'))).toHaveLength(1);
    // Everyone already in: no write, no event.
    await inject(plain, 'POST', `/api/v1/conversations/${id}/members`, { memberIds: [extra.id] });
    expect(await eventsOf(server, id)).toHaveLength(events.length);
  });

  it('lets only owner and admins add when only-admins-invite is on', async () => {
    const id = await group();
    await inject(owner, 'PATCH', `/api/v1/conversations/${id}`, { settings: { onlyAdminsInvite: true } });
    const refused = await inject(plain, 'POST', `/api/v1/conversations/${id}/members`, { memberIds: [extra.id] });
    expect(refused.statusCode).toBe(403);
    const byAdmin = await inject(admin, 'POST', `/api/v1/conversations/${id}/members`, { memberIds: [extra.id] });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('refuses additions past the group limit and writes nothing', async () => {
    const id = await group();
    await server.ctx.db.updateTable('conversations').set({ member_limit: 5 }).where('id', '=', id).execute();
    const before = await eventsOf(server, id);
    const res = await inject(owner, 'POST', `/api/v1/conversations/${id}/members`, {
      memberIds: [extra.id, late.id],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('limit_exceeded');
    expect((await inject(owner, 'GET', `/api/v1/conversations/${id}`)).json().memberCount).toBe(4);
    expect(await eventsOf(server, id)).toEqual(before);
  });

  it('lets admins remove plain members but not the owner or another admin', async () => {
    const id = await group();
    const url = (m: Person) => `/api/v1/conversations/${id}/members/${m.id}`;
    expect((await inject(admin, 'DELETE', url(owner))).statusCode).toBe(403);
    expect((await inject(admin, 'DELETE', url(admin2))).statusCode).toBe(403);
    expect((await inject(plain, 'DELETE', url(admin))).statusCode).toBe(403);
    expect((await inject(admin, 'DELETE', url(plain))).statusCode).toBe(200);
    expect((await inject(owner, 'DELETE', url(admin2))).statusCode).toBe(200);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', orgId)
      .where('target_id', '=', id)
      .where('action', '=', 'conversation.member_removed')
      .execute();
    expect(audit).toHaveLength(2);
    expect((await inject(plain, 'GET', `/api/v1/conversations/${id}`)).statusCode).toBe(404);
  });

  it('lets members leave, but the owner only after transferring', async () => {
    const id = await group();
    expect((await inject(owner, 'DELETE', `/api/v1/conversations/${id}/members/${owner.id}`)).statusCode).toBe(409);
    expect((await inject(plain, 'DELETE', `/api/v1/conversations/${id}/members/${plain.id}`)).statusCode).toBe(200);
    const t = await inject(owner, 'POST', `/api/v1/conversations/${id}/transfer-owner`, { memberId: admin2.id });
    expect(t.statusCode).toBe(200);
    expect(t.json().owner).toEqual({ id: admin2.id, name: '管理乙' });
    expect(t.json().myRole).toBe('member');
    expect(
      (await inject(owner, 'POST', `/api/v1/conversations/${id}/transfer-owner`, { memberId: admin.id })).statusCode,
    ).toBe(403);
    expect((await inject(owner, 'DELETE', `/api/v1/conversations/${id}/members/${owner.id}`)).statusCode).toBe(200);
    const events = await eventsOf(server, id);
    expect(events.slice(-3).map(([, type]) => type)).toEqual([
      'conversation.member_removed',
      'conversation.owner_transferred',
      'conversation.member_removed',
    ]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .where('action', '=', 'conversation.owner_transferred')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a transfer to someone outside the group', async () => {
    const id = await group();
    const res = await inject(owner, 'POST', `/api/v1/conversations/${id}/transfer-owner`, { memberId: late.id });
    expect(res.statusCode).toBe(404);
  });

  it('removes a departed owner everywhere and hands each group to the longest-serving admin', async () => {
    // A departing owner of their own: the shared owner is still needed by other tests.
    const leaver = await person(server.ctx, org, '离职群主');
    const g = await createGroup(server, leaver, { memberIds: [plain.id, admin.id, admin2.id] });
    server.clock.advance(1000);
    await inject(leaver, 'PATCH', `/api/v1/conversations/${g.id}/members/${admin2.id}`, { role: 'admin' });
    server.clock.advance(1000);
    await inject(leaver, 'PATCH', `/api/v1/conversations/${g.id}/members/${admin.id}`, { role: 'admin' });
    // In g both admins joined together; in g2 admin2 joined first, so admin2 takes over.
    const g2 = await createGroup(server, leaver, { memberIds: [plain.id] });
    server.clock.advance(1000);
    await inject(leaver, 'POST', `/api/v1/conversations/${g2.id}/members`, { memberIds: [admin2.id] });
    server.clock.advance(1000);
    await inject(leaver, 'POST', `/api/v1/conversations/${g2.id}/members`, { memberIds: [admin.id] });
    await inject(leaver, 'PATCH', `/api/v1/conversations/${g2.id}/members/${admin.id}`, { role: 'admin' });
    await inject(leaver, 'PATCH', `/api/v1/conversations/${g2.id}/members/${admin2.id}`, { role: 'admin' });
    const alone = await createGroup(server, leaver, { name: '一个人的群' });
    const before2 = (await eventsOf(server, g2.id)).length;

    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/members/${leaver.id}/depart`,
      headers: orgOwner,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    await server.ctx.bus.drain();

    const d2 = (await inject(plain, 'GET', `/api/v1/conversations/${g2.id}`)).json();
    expect(d2.owner).toEqual({ id: admin2.id, name: '管理乙' });
    expect(d2.members.map((m: { id: string }) => m.id)).not.toContain(leaver.id);
    expect((await eventsOf(server, g2.id)).slice(before2)).toEqual([
      [before2 + 1, 'conversation.member_removed'],
      [before2 + 2, 'conversation.owner_transferred'],
    ]);
    const d1 = (await inject(plain, 'GET', `/api/v1/conversations/${g.id}`)).json();
    expect([admin.id, admin2.id]).toContain(d1.owner.id);
    const lone = await server.ctx.db
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', alone.id)
      .executeTakeFirstOrThrow();
    expect(lone.status).toBe('dissolved');
    expect((await eventsOf(server, alone.id)).map(([, t]) => t)).toEqual([
      'conversation.created',
      'conversation.member_removed',
      'conversation.dissolved',
    ]);
    const memberships = await server.ctx.db
      .selectFrom('conversation_members')
      .select('conversation_id')
      .where('member_id', '=', leaver.id)
      .execute();
    expect(memberships).toEqual([]);
  });

  it('passes ownership to the longest-serving member when there is no admin', async () => {
    const leaver = await person(server.ctx, org, '又一个群主');
    const g = await createGroup(server, leaver, { memberIds: [late.id] });
    server.clock.advance(1000);
    await inject(leaver, 'POST', `/api/v1/conversations/${g.id}/members`, { memberIds: [extra.id] });
    await server.app.inject({
      method: 'POST',
      url: `/api/v1/members/${leaver.id}/depart`,
      headers: orgOwner,
      payload: {},
    });
    await server.ctx.bus.drain();
    expect((await inject(late, 'GET', `/api/v1/conversations/${g.id}`)).json().owner.id).toBe(late.id);
  });

  it('dissolves a group: owner only, kept readable, no further changes', async () => {
    const id = await group();
    expect((await inject(admin, 'POST', `/api/v1/conversations/${id}/dissolve`)).statusCode).toBe(403);
    expect((await inject(owner, 'POST', `/api/v1/conversations/${id}/dissolve`)).statusCode).toBe(200);
    const detail = (await inject(plain, 'GET', `/api/v1/conversations/${id}`)).json();
    expect(detail.status).toBe('dissolved');
    expect(detail.dissolvedAt).toBeTruthy();
    expect(
      (await inject(owner, 'POST', `/api/v1/conversations/${id}/members`, { memberIds: [late.id] })).statusCode,
    ).toBe(409);
    expect((await inject(owner, 'PATCH', `/api/v1/conversations/${id}`, { name: '复活' })).statusCode).toBe(409);
    expect((await inject(owner, 'POST', `/api/v1/conversations/${id}/dissolve`)).statusCode).toBe(409);
    expect((await eventsOf(server, id)).at(-1)?.[1]).toBe('conversation.dissolved');
  });
});
