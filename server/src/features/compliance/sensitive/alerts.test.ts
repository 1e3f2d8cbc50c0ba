import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { listen } from '../../../../test/realtime-helpers.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { WsTestClient } from '../../../../test/ws-client.js';

type Headers = { authorization: string };
type Alert = {
  id: string;
  rule: { id: string; name: string };
  sender: { id: string; name: string };
  status: string;
  note: string | null;
  text: string;
  outcome: string;
  messageId: string | null;
  conversation: { id: string; name: string | null; kind: string };
  hits: { type: string; kind?: string; text: string }[];
  reviewedBy: { id: string; name: string } | null;
};

describe.each(STORE_KINDS)('sensitive-content alerts on %s', (kind) => {
  let server: TestServer;
  let base: string;
  let org: TestOrg;
  let admin: Headers;
  let eastSeller: Person;
  let southSeller: Person;
  let eastAuditor: Person & { token: string };
  let plainMember: Person;
  let phoneRule: { id: string };
  let wordRule: { id: string };
  let chat: string;
  let counter = 0;

  /** A role granting archive.view over the holder's department tree, as an org might set up. */
  async function regionalAuditorRole(): Promise<string> {
    const id = server.ctx.ids.next();
    const now = server.ctx.clock.now().toISOString();
    await server.ctx.db
      .insertInto('roles')
      .values({
        id,
        org_id: org.orgId,
        builtin_key: null,
        name: '区域审计',
        description: '',
        data_scope: 'department_tree',
        require_totp: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await server.ctx.db
      .insertInto('role_permissions')
      .values(['member.view', 'archive.view'].map((permission) => ({ org_id: org.orgId, role_id: id, permission })))
      .execute();
    return id;
  }

  const call = async (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  };
  const send = (who: Person, body: string) =>
    call(who.headers, 'POST', `/api/v1/conversations/${chat}/messages`, { clientMsgId: `a-${counter++}`, body });
  const alerts = async (who: Headers, query = '') => {
    const res = await call(who, 'GET', `/api/v1/compliance/alerts${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Alert[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    base = await listen(server);
    org = await makeOrg(server.ctx);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const east = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华东区');
    const shanghai = await makeDepartment(server.ctx, org.orgId, east, '上海店');
    const south = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华南区');
    eastSeller = await person(server.ctx, org, '上海导购', shanghai);
    southSeller = await person(server.ctx, org, '深圳导购', south);
    plainMember = await person(server.ctx, org, '普通成员', east);
    const auditor = await makeMember(server.ctx, org, {
      departmentId: east,
      name: '华东审计',
      roleIds: [await regionalAuditorRole()],
    });
    const { authorization } = await sessionFor(server.ctx, org.orgId, auditor.id);
    eastAuditor = { id: auditor.id, name: '华东审计', headers: { authorization }, token: authorization.slice(7) };

    phoneRule = (
      await call(admin, 'POST', '/api/v1/compliance/rules', {
        name: '记录手机号',
        lexiconIds: [],
        detectors: ['mobile'],
        action: 'record',
        scope: 'all',
      })
    ).json();
    const lexicon = (
      await call(admin, 'POST', '/api/v1/compliance/lexicons', { name: '辱骂', category: 'insult', words: ['笨蛋'] })
    ).json();
    wordRule = (
      await call(admin, 'POST', '/api/v1/compliance/rules', {
        name: '屏蔽辱骂',
        lexiconIds: [lexicon.id],
        detectors: [],
        action: 'mask',
        scope: 'all',
      })
    ).json();
    chat = (await createGroup(server, eastSeller, { name: '跨区群', memberIds: [southSeller.id] })).id;
  });
  afterAll(() => server.close());

  it('shows an auditor only the alerts of senders in their departments, and the org-wide auditor all', async () => {
    await send(eastSeller, '我的电话 13900001111');
    server.clock.advance(1000);
    await send(southSeller, '打我电话 13700002222');
    server.clock.advance(1000);
    await send(southSeller, '你这个笨蛋');

    const regional = await alerts(eastAuditor.headers);
    expect(regional.items.map((a) => [a.sender.name, a.rule.name, a.text])).toEqual([
      ['上海导购', '记录手机号', '我的电话 13900001111'],
    ]);
    expect(regional.items[0]).toMatchObject({
      status: 'new',
      outcome: 'record',
      conversation: { id: chat, name: '跨区群', kind: 'group' },
      hits: [{ type: 'detector', kind: 'mobile', text: '13900001111' }],
    });
    const all = await alerts(admin);
    expect(all.items.map((a) => [a.sender.name, a.rule.name])).toEqual([
      ['深圳导购', '屏蔽辱骂'],
      ['深圳导购', '记录手机号'],
      ['上海导购', '记录手机号'],
    ]);
    expect(all.items[0]).toMatchObject({ outcome: 'mask', text: '你这个笨蛋' });
  });

  it('refuses the alert inbox to members without archive.view', async () => {
    const res = await call(plainMember.headers, 'GET', '/api/v1/compliance/alerts');
    expect(res.statusCode).toBe(403);
    expect((await call(plainMember.headers, 'GET', '/api/v1/compliance/alerts/stats')).statusCode).toBe(403);
  });

  it('filters by status, rule, member and time, page by page', async () => {
    const byRule = await alerts(admin, `?ruleId=${wordRule.id}`);
    expect(byRule.items.map((a) => a.rule.id)).toEqual([wordRule.id]);
    const byMember = await alerts(admin, `?memberId=${eastSeller.id}`);
    expect(byMember.items.map((a) => a.sender.id)).toEqual([eastSeller.id]);
    const first = await alerts(admin, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await alerts(admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const future = new Date(server.clock.now().getTime() + 60_000).toISOString();
    expect((await alerts(admin, `?from=${encodeURIComponent(future)}`)).items).toEqual([]);
    expect((await alerts(admin, `?to=${encodeURIComponent(future)}`)).items).toHaveLength(3);
    expect((await alerts(admin, '?status=confirmed')).items).toEqual([]);
    const bad = await call(admin, 'GET', '/api/v1/compliance/alerts?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('lets an auditor confirm or dismiss an alert in their scope with a note, audited, and nothing outside it', async () => {
    const [mine] = (await alerts(eastAuditor.headers)).items;
    const res = await call(eastAuditor.headers, 'PATCH', `/api/v1/compliance/alerts/${mine?.id}`, {
      status: 'confirmed',
      note: '已提醒本人',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      note: '已提醒本人',
      reviewedBy: { id: eastAuditor.id, name: '华东审计' },
    });
    expect((await alerts(admin, '?status=confirmed')).items.map((a) => a.id)).toEqual([mine?.id]);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('target_id', '=', mine?.id ?? '')
      .execute();
    expect(audit).toEqual([
      {
        action: 'compliance.alert_reviewed',
        before: JSON.stringify({ status: 'new', note: null }),
        after: JSON.stringify({ status: 'confirmed', note: '已提醒本人' }),
      },
    ]);

    const southern = (await alerts(admin, `?memberId=${southSeller.id}`)).items[0];
    const outside = await call(eastAuditor.headers, 'PATCH', `/api/v1/compliance/alerts/${southern?.id}`, {
      status: 'dismissed',
    });
    expect(outside.statusCode).toBe(404);
    expect((await alerts(admin, `?memberId=${southSeller.id}`)).items.every((a) => a.status === 'new')).toBe(true);
  });

  it('counts alerts per member, per rule and per day within the reader’s scope and the time range', async () => {
    // The alerts were raised seconds apart; their day is counted in China time (UTC+8).
    const chinaDay = new Date(server.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const all = await call(admin, 'GET', '/api/v1/compliance/alerts/stats');
    expect(all.json()).toEqual({
      total: 3,
      byMember: [
        { id: southSeller.id, name: '深圳导购', count: 2 },
        { id: eastSeller.id, name: '上海导购', count: 1 },
      ],
      byRule: [
        { id: phoneRule.id, name: '记录手机号', count: 2 },
        { id: wordRule.id, name: '屏蔽辱骂', count: 1 },
      ],
      byDay: [{ day: chinaDay, count: 3 }],
    });
    const regional = await call(eastAuditor.headers, 'GET', '/api/v1/compliance/alerts/stats');
    expect(regional.json()).toEqual({
      total: 1,
      byMember: [{ id: eastSeller.id, name: '上海导购', count: 1 }],
      byRule: [{ id: phoneRule.id, name: '记录手机号', count: 1 }],
      byDay: [{ day: chinaDay, count: 1 }],
    });
    const future = new Date(server.clock.now().getTime() + 60_000).toISOString();
    const empty = await call(admin, 'GET', `/api/v1/compliance/alerts/stats?from=${encodeURIComponent(future)}`);
    expect(empty.json()).toEqual({ total: 0, byMember: [], byRule: [], byDay: [] });
  });

  it('pushes a new alert over the WebSocket to the auditors who may see it, without the message text', async () => {
    const auditor = await WsTestClient.connect(base, { token: eastAuditor.token });
    const member = await WsTestClient.connect(base, { token: plainMember.headers.authorization.slice(7) });
    try {
      await send(southSeller, '南方电话 13600003333');
      await send(eastSeller, '东方电话 13500004444');
      const frame = await auditor.waitFor((f) => f.type === 'alert');
      expect(frame).toEqual({
        type: 'alert',
        alert: {
          id: expect.any(String),
          ruleId: phoneRule.id,
          ruleName: '记录手机号',
          action: 'record',
          senderId: eastSeller.id,
          senderName: '上海导购',
          conversationId: chat,
          createdAt: expect.any(String),
        },
      });
      await auditor.roundTrip();
      await member.roundTrip();
      expect(auditor.frames.filter((f) => f.type === 'alert')).toHaveLength(1);
      expect(member.frames.filter((f) => f.type === 'alert')).toEqual([]);
    } finally {
      await auditor.close();
      await member.close();
    }
  });
});
