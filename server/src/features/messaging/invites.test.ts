import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, eventsOf, orgWith, type Person, person } from '../../../test/conversation-fixtures.js';
import { makeOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('group invite links on %s', (kind) => {
  let server: TestServer;
  let owner: Person;
  let plain: Person;
  let joiners: Person[];

  beforeAll(async () => {
    server = await startTestServer(kind);
    const made = await orgWith(server.ctx, ['群主', '成员', '甲', '乙', '丙', '丁']);
    [owner, plain, ...joiners] = made.people as [Person, Person, ...Person[]];
  });
  afterAll(() => server.close());

  const inject = (who: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const join = (who: Person, code: string) => inject(who, 'POST', `/api/v1/invites/${code}/join`);
  const joiner = (i: number) => joiners[i] as Person;

  async function invite(id: string, body: object = {}) {
    const res = await inject(owner, 'POST', `/api/v1/conversations/${id}/invites`, body);
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; code: string; url: string; expiresAt: string; uses: number };
  }

  it('creates a link with an unguessable code and lets a colleague join once', async () => {
    const g = await createGroup(server, owner, { memberIds: [plain.id] });
    const inv = await invite(g.id, { expiresInHours: 24 });
    expect(inv.code).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(inv.url).toBe(`/join/${inv.code}`);
    expect(inv.expiresAt).toBe(new Date(server.clock.now().getTime() + 24 * 3_600_000).toISOString());
    const res = await join(joiner(0), inv.code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: g.id, memberCount: 3, myRole: 'member' });
    // Joining again neither spends a use nor logs an event.
    const before = await eventsOf(server, g.id);
    expect((await join(joiner(0), inv.code)).statusCode).toBe(200);
    expect(await eventsOf(server, g.id)).toEqual(before);
    const list = (await inject(owner, 'GET', `/api/v1/conversations/${g.id}/invites`)).json().items;
    expect(list).toMatchObject([{ id: inv.id, uses: 1 }]);
  });

  it('refuses an expired link with reason expired', async () => {
    const g = await createGroup(server, owner, {});
    const inv = await invite(g.id, { expiresInHours: 1 });
    server.clock.advance(3_600_000);
    const res = await join(joiner(0), inv.code);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'expired' });
  });

  it('stops at the maximum uses, even when colleagues join at the same moment', async () => {
    const g = await createGroup(server, owner, {});
    const inv = await invite(g.id, { maxUses: 2 });
    const results = await Promise.all([0, 1, 2, 3].map((i) => join(joiner(i), inv.code)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.details).toEqual({ reason: 'used_up' });
    }
    const detail = (await inject(owner, 'GET', `/api/v1/conversations/${g.id}`)).json();
    expect(detail.memberCount).toBe(3);
    const row = await server.ctx.db
      .selectFrom('conversation_invites')
      .select('uses')
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.uses)).toBe(2);
  });

  it('refuses a revoked link and a link of a dissolved group, each with its reason', async () => {
    const g = await createGroup(server, owner, { memberIds: [plain.id] });
    const inv = await invite(g.id);
    await inject(owner, 'PATCH', `/api/v1/conversations/${g.id}`, { settings: { onlyAdminsInvite: true } });
    expect((await inject(plain, 'GET', `/api/v1/conversations/${g.id}/invites`)).statusCode).toBe(403);
    expect((await inject(plain, 'POST', `/api/v1/conversations/${g.id}/invites`, {})).statusCode).toBe(403);
    expect((await inject(plain, 'DELETE', `/api/v1/conversations/${g.id}/invites/${inv.id}`)).statusCode).toBe(403);
    expect((await inject(owner, 'DELETE', `/api/v1/conversations/${g.id}/invites/${inv.id}`)).statusCode).toBe(200);
    const revoked = await join(joiner(0), inv.code);
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json().error.details).toEqual({ reason: 'revoked' });

    const g2 = await createGroup(server, owner, {});
    const inv2 = await invite(g2.id);
    await inject(owner, 'POST', `/api/v1/conversations/${g2.id}/dissolve`);
    const dissolved = await join(joiner(0), inv2.code);
    expect(dissolved.statusCode).toBe(409);
    expect(dissolved.json().error.details).toEqual({ reason: 'dissolved' });
  });

  it('answers 404 to a member of another org and to an unknown code', async () => {
    const g = await createGroup(server, owner, {});
    const inv = await invite(g.id);
    const other = await makeOrg(server.ctx, '别家');
    const stranger = await person(server.ctx, other, '外人');
    expect((await join(stranger, inv.code)).statusCode).toBe(404);
    expect((await join(joiner(0), 'AAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await join(joiner(0), 'bad code!')).statusCode).toBe(400);
    const members = (await inject(owner, 'GET', `/api/v1/conversations/${g.id}`)).json().memberCount;
    expect(members).toBe(1);
  });
});
