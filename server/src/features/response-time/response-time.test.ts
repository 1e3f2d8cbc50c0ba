import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caller, type Headers } from '../../../test/customer-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { type ResponseTeam, seedResponseTeam } from '../../../test/response-time-fixtures.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { measureResponse } from './measure.js';
import { RESPONSE_ALERT_JOB, runOverdueAlerts, sendOverdueAlerts } from './overdue-alerts.js';
import { supervisorsOf } from './supervisors.js';

const MIN = 60_000;
// Monday 2 March 2026, 10:00 in Shanghai.
const MONDAY_10 = '2026-03-02T02:00:00.000Z';

describe.each(STORE_KINDS)('customer response times on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let team: ResponseTeam;
  let admin: Headers;
  let call: ReturnType<typeof caller>;

  const waitsOf = (conversationId: string) =>
    server.ctx.db
      .selectFrom('response_waits')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
  const notificationsOf = (memberId: string, kinds: string[]) =>
    server.ctx.db
      .selectFrom('notifications')
      .select(['kind', 'data', 'link'])
      .where('member_id', '=', memberId)
      .where('kind', 'in', kinds)
      .execute();
  const alerts = async () => {
    const sent = await sendOverdueAlerts(server.ctx);
    await server.ctx.bus.drain();
    return sent;
  };
  const defaults = { workDays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '18:00', timeZone: 'Asia/Shanghai' };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.test>' } });
    call = caller(server);
    server.clock.set('2026-03-01T12:00:00.000Z');
    team = await seedResponseTeam(server, smtp);
    admin = await team.as(team.org.ownerId);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });
  beforeEach(async () => {
    server.clock.set('2026-03-01T12:00:00.000Z');
    const res = await call(admin, 'PUT', '/api/v1/response-time/settings', { ...defaults, targetMinutes: 10 });
    expect(res.statusCode).toBe(200);
  });

  it('offers the defaults, saves new settings for admins only, and audits the change', async () => {
    const seller = await team.as(team.sellerA);
    const read = await call(seller, 'GET', '/api/v1/response-time/settings');
    expect(read.json()).toMatchObject({ ...defaults, targetMinutes: 10, escalationMinutes: 20 });
    const refused = await call(seller, 'PUT', '/api/v1/response-time/settings', { ...defaults, targetMinutes: 5 });
    expect(refused.statusCode).toBe(403);
    const saved = await call(admin, 'PUT', '/api/v1/response-time/settings', {
      workDays: [6, 1, 2],
      startTime: '08:30',
      endTime: '24:00',
      timeZone: 'Asia/Tokyo',
      targetMinutes: 15,
    });
    expect(saved.json()).toMatchObject({
      workDays: [1, 2, 6],
      startTime: '08:30',
      endTime: '24:00',
      timeZone: 'Asia/Tokyo',
      targetMinutes: 15,
      escalationMinutes: 30,
    });
    expect((await call(seller, 'GET', '/api/v1/response-time/settings')).json()).toMatchObject({ targetMinutes: 15 });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('org_id', '=', team.org.orgId)
      .where('action', '=', 'response_time.settings_changed')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({ targetMinutes: 10 });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ targetMinutes: 15, timeZone: 'Asia/Tokyo' });
  });

  it.each([
    [{ ...defaults, workDays: [], targetMinutes: 10 }, 'workDays'],
    [{ ...defaults, workDays: [1, 1], targetMinutes: 10 }, 'workDays'],
    [{ ...defaults, startTime: '18:00', endTime: '09:00', targetMinutes: 10 }, 'endTime'],
    [{ ...defaults, startTime: '9:00', targetMinutes: 10 }, 'startTime'],
    [{ ...defaults, timeZone: 'Mars/Olympus', targetMinutes: 10 }, 'timeZone'],
    [{ ...defaults, targetMinutes: 0 }, 'targetMinutes'],
  ])('refuses bad settings %# with a 400 and keeps the old ones', async (body, field) => {
    const res = await call(admin, 'PUT', '/api/v1/response-time/settings', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid');
    expect(JSON.stringify(res.json().error)).toContain(field);
    const read = await call(admin, 'GET', '/api/v1/response-time/settings');
    expect(read.json()).toMatchObject({ ...defaults, targetMinutes: 10 });
  });

  it('measures the first reply, which answers every customer message before it', async () => {
    const customer = await team.customerOf(team.sellerA, '赵女士');
    const seller = await team.as(team.sellerA);
    server.clock.set(MONDAY_10);
    await team.say(customer.headers, customer.conversationId, '你好，在吗？');
    server.clock.advance(2 * MIN);
    await team.say(customer.headers, customer.conversationId, '想问一下报价');
    server.clock.advance(5 * MIN);
    await team.say(seller, customer.conversationId, '您好，我在的');
    server.clock.advance(MIN);
    await team.say(seller, customer.conversationId, '报价稍后发您');
    const waits = await waitsOf(customer.conversationId);
    expect(
      waits.map((w) => [w.owner_id, w.customer_id, w.answered_by, w.answered_at, Number(w.working_seconds)]),
    ).toEqual([
      [team.sellerA, customer.customerId, team.sellerA, '2026-03-02T02:07:00.000Z', 7 * 60],
      [team.sellerA, customer.customerId, team.sellerA, '2026-03-02T02:07:00.000Z', 5 * 60],
    ]);
    expect(waits[0]?.asked_at).toBe(MONDAY_10);
  });

  it('leaves the wait open when a transfer notice goes out in the owner’s name', async () => {
    const customer = await team.customerOf(team.sellerA, '钱先生');
    server.clock.set(MONDAY_10);
    await team.say(customer.headers, customer.conversationId, '合同什么时候寄出？');
    const supervisor = await team.as(team.supervisorId);
    const moved = await call(supervisor, 'POST', '/api/v1/customers/transfer', {
      customerIds: [customer.customerId],
      toMemberId: team.sellerB,
      message: '您好，后续由小李为您服务',
    });
    expect(moved.statusCode).toBe(200);
    await server.ctx.bus.drain();
    const notice = await server.ctx.db
      .selectFrom('messages')
      .select(['sender_id', 'client_msg_id'])
      .where('conversation_id', '=', customer.conversationId)
      .where('client_msg_id', 'like', 'transfer-notice:%')
      .executeTakeFirstOrThrow();
    expect(notice.sender_id).toBe(team.sellerA);
    const [wait] = await waitsOf(customer.conversationId);
    expect([wait?.answered_at, wait?.answered_by]).toEqual([null, null]);

    server.clock.advance(3 * MIN);
    await team.say(await team.as(team.sellerA), customer.conversationId, '合同今天寄出');
    const [answered] = await waitsOf(customer.conversationId);
    expect([answered?.answered_by, Number(answered?.working_seconds)]).toEqual([team.sellerA, 3 * 60]);
  });

  it('counts only working minutes for a Friday-evening message answered on Monday morning', async () => {
    const customer = await team.customerOf(team.sellerB, '钱先生');
    server.clock.set('2026-03-06T09:55:00.000Z'); // Friday 17:55 in Shanghai
    await team.say(customer.headers, customer.conversationId, '周末前能回复吗');
    server.clock.set('2026-03-09T01:05:00.000Z'); // Monday 09:05
    await team.say(await team.as(team.sellerB), customer.conversationId, '早上好，刚看到');
    const [wait] = await waitsOf(customer.conversationId);
    expect(wait).toMatchObject({ answered_by: team.sellerB, owner_due_at: '2026-03-09T01:05:00.000Z' });
    expect(Number(wait?.working_seconds)).toBe(10 * 60);
  });

  it('alerts the owner at the target and the supervisor at twice the target, each exactly once', async () => {
    const customer = await team.customerOf(team.sellerA, '孙经理');
    server.clock.set(MONDAY_10);
    await team.say(customer.headers, customer.conversationId, '合同什么时候能发？');
    const kinds = ['customer_waiting', 'customer_waiting_escalated'];
    server.clock.advance(9 * MIN);
    await alerts();
    expect(await notificationsOf(team.sellerA, kinds)).toEqual([]);

    server.clock.advance(MIN);
    await alerts();
    await alerts();
    const toOwner = await notificationsOf(team.sellerA, kinds);
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]).toMatchObject({ kind: 'customer_waiting', link: `/messages/${customer.conversationId}` });
    expect(JSON.parse(toOwner[0]?.data ?? '{}')).toMatchObject({ customerName: '孙经理', minutes: 10 });
    expect(await notificationsOf(team.supervisorId, kinds)).toEqual([]);

    server.clock.advance(10 * MIN);
    await alerts();
    await alerts();
    const toSupervisor = await notificationsOf(team.supervisorId, kinds);
    expect(toSupervisor).toHaveLength(1);
    expect(toSupervisor[0]?.kind).toBe('customer_waiting_escalated');
    expect(JSON.parse(toSupervisor[0]?.data ?? '{}')).toMatchObject({
      customerName: '孙经理',
      ownerName: '销售小王',
      minutes: 20,
    });
    expect(await notificationsOf(team.sellerA, kinds)).toHaveLength(1);
  });

  it('raises no alert for a message answered in time or waiting only outside working hours', async () => {
    const answered = await team.customerOf(team.sellerB, '周先生');
    const evening = await team.customerOf(team.sellerB, '吴女士');
    const before = (await notificationsOf(team.sellerB, ['customer_waiting'])).length;
    server.clock.set(MONDAY_10);
    await team.say(answered.headers, answered.conversationId, '在吗');
    server.clock.advance(3 * MIN);
    await team.say(await team.as(team.sellerB), answered.conversationId, '在的');
    server.clock.set('2026-03-02T10:30:00.000Z'); // Monday 18:30 in Shanghai
    await team.say(evening.headers, evening.conversationId, '明天联系我');
    server.clock.set('2026-03-03T00:59:00.000Z'); // Tuesday 08:59
    expect(await alerts()).toBe(0);
    expect(await notificationsOf(team.sellerB, ['customer_waiting'])).toHaveLength(before);
    server.clock.set('2026-03-03T01:10:00.000Z'); // Tuesday 09:10
    await alerts();
    expect(await notificationsOf(team.sellerB, ['customer_waiting'])).toHaveLength(before + 1);
  });

  it('works alert times out again when the target changes', async () => {
    const customer = await team.customerOf(team.sellerA, '郑总');
    server.clock.set(MONDAY_10);
    await team.say(customer.headers, customer.conversationId, '急');
    await call(admin, 'PUT', '/api/v1/response-time/settings', { ...defaults, targetMinutes: 30 });
    const [wait] = await waitsOf(customer.conversationId);
    expect(wait).toMatchObject({
      owner_due_at: '2026-03-02T02:30:00.000Z',
      supervisor_due_at: '2026-03-02T03:00:00.000Z',
    });
  });

  it('answers a message whose event arrives after the reply, and ignores a replayed event', async () => {
    const customer = await team.customerOf(team.sellerA, '冯女士');
    server.clock.set(MONDAY_10);
    await team.say(customer.headers, customer.conversationId, '在吗');
    server.clock.advance(4 * MIN);
    await team.say(await team.as(team.sellerA), customer.conversationId, '在');
    const message = await server.ctx.db
      .selectFrom('messages')
      .select(['id', 'seq', 'created_at'])
      .where('conversation_id', '=', customer.conversationId)
      .where('sender_id', '=', customer.participant.id)
      .executeTakeFirstOrThrow();
    await server.ctx.db.deleteFrom('response_waits').where('conversation_id', '=', customer.conversationId).execute();
    const event = {
      type: 'message.created',
      orgId: team.org.orgId,
      at: message.created_at,
      actorId: customer.participant.id,
      data: {
        conversationId: customer.conversationId,
        actorId: customer.participant.id,
        messageId: message.id,
        seq: Number(message.seq),
        payload: { kind: 'text' },
      },
    };
    await measureResponse(server.ctx, event);
    await measureResponse(server.ctx, event);
    const waits = await waitsOf(customer.conversationId);
    expect(waits.map((w) => [w.answered_by, Number(w.working_seconds)])).toEqual([[team.sellerA, 4 * 60]]);
  });

  it('escalates to a direct supervisor first, else to the nearest department head above', async () => {
    const { ctx } = server;
    const orgId = team.org.orgId;
    expect(await supervisorsOf(ctx.db, orgId, team.sellerA)).toEqual([team.supervisorId]);
    // The supervisor heads 销售部 and nobody heads the root yet: nobody above them.
    expect(await supervisorsOf(ctx.db, orgId, team.supervisorId)).toEqual([]);
    await ctx.db
      .insertInto('department_heads')
      .values({ org_id: orgId, department_id: team.org.rootDepartmentId, member_id: team.org.ownerId })
      .execute();
    expect(await supervisorsOf(ctx.db, orgId, team.supervisorId)).toEqual([team.org.ownerId]);
    await ctx.db.updateTable('members').set({ supervisor_id: team.sellerB }).where('id', '=', team.sellerA).execute();
    expect(await supervisorsOf(ctx.db, orgId, team.sellerA)).toEqual([team.sellerB]);
    await ctx.db.updateTable('members').set({ supervisor_id: null }).where('id', '=', team.sellerA).execute();
    await ctx.db
      .deleteFrom('department_heads')
      .where('department_id', '=', team.org.rootDepartmentId)
      .where('member_id', '=', team.org.ownerId)
      .execute();
  });

  it('runs every minute as a recurring job', async () => {
    await server.ctx.db.deleteFrom('jobs').where('type', '=', RESPONSE_ALERT_JOB).execute();
    server.clock.set(MONDAY_10);
    await runOverdueAlerts(server.ctx, 'none');
    const next = await server.ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('type', '=', RESPONSE_ALERT_JOB)
      .where('state', '=', 'queued')
      .execute();
    expect(next).toEqual([{ run_at: '2026-03-02T02:01:00.000Z' }]);
  });
});
