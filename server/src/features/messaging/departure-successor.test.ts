import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, eventsOf, orgWith, type Person, person } from '../../../test/conversation-fixtures.js';
import { makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

describe.each(STORE_KINDS)('a departing owner’s named successor on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let orgOwner: { authorization: string };
  let admin: Person;
  let plain: Person;
  let heir: Person;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const made = await orgWith(server.ctx, ['管理员', '普通成员', '接班人']);
    org = made.org;
    [admin, plain, heir] = made.people as [Person, Person, Person];
    orgOwner = await sessionFor(server.ctx, org.orgId, org.ownerId);
  });
  afterAll(() => server.close());

  const inject = (who: Person, method: 'GET' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  async function depart(memberId: string, payload: object) {
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/members/${memberId}/depart`,
      headers: orgOwner,
      payload,
    });
    await server.ctx.bus.drain();
    return res;
  }

  /** A group owned by a fresh member (who will depart), with `admin` as its admin. */
  async function ownedGroup(ownerName: string, memberIds: string[]): Promise<{ leaver: Person; id: string }> {
    const leaver = await person(server.ctx, org, ownerName);
    const g = await createGroup(server, leaver, { memberIds: [admin.id, ...memberIds] });
    await inject(leaver, 'PATCH', `/api/v1/conversations/${g.id}/members/${admin.id}`, { role: 'admin' });
    return { leaver, id: g.id };
  }

  async function owner(conversationId: string) {
    return (await inject(plain, 'GET', `/api/v1/conversations/${conversationId}`)).json().owner as {
      id: string;
      name: string;
    };
  }

  async function lastPayload(conversationId: string) {
    const row = await server.ctx.db
      .selectFrom('conversation_events')
      .select(['type', 'payload'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return { type: row.type, payload: JSON.parse(row.payload) as Record<string, unknown> };
  }

  it('hands the group to the named successor already in it, and records them in the audit', async () => {
    const { leaver, id } = await ownedGroup('离职甲', [plain.id, heir.id]);
    const res = await depart(leaver.id, { successorId: heir.id });
    expect(res.statusCode).toBe(200);
    expect(await owner(id)).toEqual({ id: heir.id, name: '接班人' });
    expect(await lastPayload(id)).toEqual({
      type: 'conversation.owner_transferred',
      payload: {
        fromMemberId: leaver.id,
        toMemberId: heir.id,
        from: { id: leaver.id, name: '离职甲' },
        to: { id: heir.id, name: '接班人' },
        reason: 'departed',
        namedSuccessor: true,
      },
    });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'member.departed')
      .where('target_id', '=', leaver.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ successor: { id: heir.id, name: '接班人' } });
  });

  it('adds a named successor who is not in the group and makes them owner', async () => {
    const { leaver, id } = await ownedGroup('离职乙', [plain.id]);
    const before = (await eventsOf(server, id)).length;
    await depart(leaver.id, { successorId: heir.id });
    expect(await owner(id)).toEqual({ id: heir.id, name: '接班人' });
    const role = await server.ctx.db
      .selectFrom('conversation_members')
      .select('role')
      .where('conversation_id', '=', id)
      .where('member_id', '=', heir.id)
      .executeTakeFirstOrThrow();
    expect(role.role).toBe('owner');
    expect((await eventsOf(server, id)).slice(before).map(([, t]) => t)).toEqual([
      'conversation.member_removed',
      'conversation.member_added',
      'conversation.owner_transferred',
    ]);
    const added = await server.ctx.db
      .selectFrom('conversation_events')
      .select('payload')
      .where('conversation_id', '=', id)
      .where('seq', '=', before + 2)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(added.payload)).toEqual({
      memberIds: [heir.id],
      members: [{ id: heir.id, name: '接班人' }],
      reason: 'successor',
    });
  });

  it('falls back to the longest-serving admin when the group has no room for the successor', async () => {
    const { leaver, id } = await ownedGroup('离职丙', [plain.id]);
    // Three members now; once the leaver is gone there are two and no room for a third.
    await server.ctx.db.updateTable('conversations').set({ member_limit: 2 }).where('id', '=', id).execute();
    await depart(leaver.id, { successorId: heir.id });
    expect((await owner(id)).id).toBe(admin.id);
    expect((await lastPayload(id)).payload).toMatchObject({ reason: 'departed', namedSuccessor: false });
  });

  it('uses the longest-serving admin when no successor is named', async () => {
    const { leaver, id } = await ownedGroup('离职丁', [plain.id, heir.id]);
    await depart(leaver.id, {});
    expect((await owner(id)).id).toBe(admin.id);
    expect((await lastPayload(id)).payload).toMatchObject({ toMemberId: admin.id, reason: 'departed' });
  });

  it('refuses a bad successor with a clear error and departs nobody', async () => {
    const { leaver, id } = await ownedGroup('离职戊', [plain.id]);
    const disabled = await person(server.ctx, org, '已停用');
    await server.ctx.db.updateTable('members').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const other = await makeOrg(server.ctx, '别家公司');
    const cases: [object, number, string, Record<string, unknown> | undefined][] = [
      [{ successorId: leaver.id }, 400, 'invalid', { field: 'successorId', reason: 'self' }],
      [{ successorId: disabled.id }, 400, 'invalid', { field: 'successorId', reason: 'not_active' }],
      [{ successorId: other.ownerId }, 404, 'not_found', { field: 'successorId' }],
      [{ successorId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found', { field: 'successorId' }],
      [{ successorId: 'not-an-id' }, 400, 'invalid', undefined],
    ];
    const auditBefore = await server.ctx.db.selectFrom('audit_log').select('id').execute();
    for (const [payload, status, code, details] of cases) {
      const res = await depart(leaver.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (details) expect(res.json().error.details).toMatchObject(details);
    }
    const row = await server.ctx.db
      .selectFrom('members')
      .select(['status', 'departed_at'])
      .where('id', '=', leaver.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'active', departed_at: null });
    expect((await owner(id)).id).toBe(leaver.id);
    const auditAfter = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where(
        'id',
        'not in',
        auditBefore.map((a) => a.id),
      )
      .execute();
    expect(auditAfter.map((a) => a.action)).not.toContain('member.departed');
    const sessions = await server.ctx.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('member_id', '=', leaver.id)
      .execute();
    expect(sessions.every((s) => s.revoked_at === null)).toBe(true);
  });
});
