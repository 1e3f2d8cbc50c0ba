import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { ALERT_DIGEST_JOB, nextDigestAt, runAlertDigest, sendAlertDigests } from './alert-digest.js';

describe('the next digest time', () => {
  it('is the next 01:00 UTC (09:00 in China), never now', () => {
    expect(nextDigestAt(new Date('2026-03-02T00:30:00Z')).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(nextDigestAt(new Date('2026-03-02T01:00:00Z')).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });
});

describe.each(STORE_KINDS)('the daily alert digest on %s', (kind) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let org: TestOrg;
  let eastSeller: Person;
  let southSeller: Person;
  let eastAuditorEmail: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(kind, { mail: { smtpUrl: smtp.url, from: 'Concord <no-reply@example.com>' } });
    org = await makeOrg(server.ctx, '星河零售');
    const east = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华东区');
    const south = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华南区');
    eastSeller = await person(server.ctx, org, '上海导购', east);
    southSeller = await person(server.ctx, org, '深圳导购', south);
    const roleId = server.ctx.ids.next();
    const now = server.ctx.clock.now().toISOString();
    await server.ctx.db
      .insertInto('roles')
      .values({
        id: roleId,
        org_id: org.orgId,
        builtin_key: null,
        name: '区域审计',
        description: '',
        data_scope: 'department',
        require_totp: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await server.ctx.db
      .insertInto('role_permissions')
      .values({ org_id: org.orgId, role_id: roleId, permission: 'archive.view' })
      .execute();
    eastAuditorEmail = (await makeMember(server.ctx, org, { departmentId: east, name: '华东审计', roleIds: [roleId] }))
      .email;
    const admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const rule = await server.app.inject({
      method: 'POST',
      url: '/api/v1/compliance/rules',
      headers: admin,
      payload: { name: '记录手机号', lexiconIds: [], detectors: ['mobile'], action: 'record', scope: 'all' },
    });
    expect(rule.statusCode).toBe(200);
    const chat = (await createGroup(server, eastSeller, { name: '跨区群', memberIds: [southSeller.id] })).id;
    let n = 0;
    for (const [who, body] of [
      [eastSeller, '电话 13900001111'],
      [southSeller, '电话 13700002222'],
      [southSeller, '电话 13700003333'],
    ] as const) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${chat}/messages`,
        headers: who.headers,
        payload: { clientMsgId: `d-${n++}`, body },
      });
      expect(res.statusCode).toBe(200);
    }
    await server.ctx.bus.drain();
    // The digest runs the next morning.
    server.clock.advance(60 * 60 * 1000);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('mails each auditor the counts of the last day within their scope, and nobody else', async () => {
    expect(await sendAlertDigests(server.ctx)).toBe(2);
    const toOwner = smtp.mails.find((m) => m.to.includes(org.ownerEmail));
    const toEast = smtp.mails.find((m) => m.to.includes(eastAuditorEmail));
    expect(smtp.mails).toHaveLength(2);
    expect(toOwner?.subject).toContain('3 条');
    expect(toOwner?.text).toContain('共 3 条，其中 3 条待处理');
    expect(toOwner?.text).toContain('深圳导购: 2');
    expect(toEast?.subject).toContain('1 条');
    expect(toEast?.text).toContain('上海导购: 1');
    expect(toEast?.text).not.toContain('深圳导购');
  });

  it('sends nothing for a day without alerts and queues tomorrow’s run', async () => {
    smtp.mails.length = 0;
    server.clock.advance(24 * 60 * 60 * 1000);
    await runAlertDigest(server.ctx, '00000000-0000-4000-8000-000000000000');
    expect(smtp.mails).toEqual([]);
    const queued = await server.ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('type', '=', ALERT_DIGEST_JOB)
      .where('state', '=', 'queued')
      .execute();
    expect(queued.map((j) => j.run_at)).toEqual([nextDigestAt(server.clock.now()).toISOString()]);
  });
});
