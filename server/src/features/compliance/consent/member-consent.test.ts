import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, type Person, person } from '../../../../test/conversation-fixtures.js';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { multipartFile } from '../../../../test/multipart.js';
import { STORE_KINDS } from '../../../../test/stores.js';
import { verifyArchive } from '../archive/verify-archive.js';
import { DEFAULT_NOTICE_TEXT } from './notice.js';

type Headers = { authorization: string };

describe.each(STORE_KINDS)('members and the archive notice on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let admin: Headers;
  let seller: Person;
  let colleague: Person;
  let east: string;
  let south: string;
  let groupId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '存档告知公司');
    east = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华东区');
    south = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '华南区');
    seller = await person(server.ctx, org, '销售小王', east);
    colleague = await person(server.ctx, org, '同事小李', south);
    admin = await sessionFor(server.ctx, org.orgId, org.ownerId);
    groupId = (await createGroup(server, seller, { name: '客户跟进群', memberIds: [colleague.id] })).id;
  });
  afterAll(() => server.close());

  async function call(headers: Headers, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await server.ctx.bus.drain();
    return res;
  }
  let sent = 0;
  const send = (who: Person, body: string) =>
    call(who.headers, 'POST', `/api/v1/conversations/${groupId}/messages`, { clientMsgId: `m${sent++}`, body });
  const settings = (body: object) =>
    call(admin, 'PUT', '/api/v1/archive/settings', { enabled: true, scope: 'all', ...body });
  const records = (type: string) =>
    server.ctx.db
      .selectFrom('archive_records')
      .select(['type', 'attrs', 'actor_id', 'content'])
      .where('org_id', '=', org.orgId)
      .where('type', '=', type)
      .orderBy('seq')
      .execute();

  it('starts with the default notice as version 1 and makes each change of text a new version, audited', async () => {
    const first = await call(admin, 'GET', '/api/v1/archive/settings');
    expect(first.json()).toMatchObject({
      enabled: false,
      declinePolicy: 'not_archived',
      notice: { version: 1, text: DEFAULT_NOTICE_TEXT, publishedAt: null },
    });
    const on = await settings({ notice: '  本公司对工作会话存档。\r\n请知悉。  ', declinePolicy: 'no_messaging' });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({
      enabled: true,
      declinePolicy: 'no_messaging',
      notice: { version: 2, text: '本公司对工作会话存档。\n请知悉。' },
    });
    // The same text again, or no text at all, keeps the version.
    expect((await settings({ notice: '本公司对工作会话存档。\n请知悉。' })).json().notice.version).toBe(2);
    const policyOnly = await settings({ declinePolicy: 'not_archived' });
    expect(policyOnly.json()).toMatchObject({ declinePolicy: 'not_archived', notice: { version: 2 } });

    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'archive.settings_changed')
      .orderBy('id')
      .execute();
    expect(JSON.parse(audit[0]?.before ?? '{}')).toMatchObject({
      notice: { version: 1 },
      declinePolicy: 'not_archived',
    });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({
      notice: { version: 2 },
      declinePolicy: 'no_messaging',
    });
    const published = await records('notice.published');
    expect(published).toHaveLength(1);
    expect(JSON.parse(published[0]?.content ?? '{}')).toEqual({
      noticeVersion: 2,
      text: '本公司对工作会话存档。\n请知悉。',
    });
  });

  it('refuses bad notice settings with a clear 400 and plain members with 403', async () => {
    for (const body of [
      { notice: '   ' },
      { notice: 'x'.repeat(5001) },
      { declinePolicy: 'never' },
      { notice: 'a\u0000b' },
    ]) {
      const res = await settings(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('invalid');
    }
    const res = await call(seller.headers, 'PUT', '/api/v1/archive/settings', {
      enabled: true,
      scope: 'all',
      notice: '改',
    });
    expect(res.statusCode).toBe(403);
    expect((await call(admin, 'GET', '/api/v1/archive/settings')).json().notice.version).toBe(2);
  });

  it('refuses a member who has not accepted the notice in force, for texts, files and edits, until they accept', async () => {
    const refused = await send(seller, '报价是三万');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'archive_notice_required', details: { version: 2 } });
    const stored = await server.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', groupId)
      .execute();
    expect(stored).toEqual([]);

    const state = await call(seller.headers, 'GET', '/api/v1/archive/notice');
    expect(state.json()).toEqual({
      archiving: true,
      notice: { version: 2, text: '本公司对工作会话存档。\n请知悉。', publishedAt: expect.any(String) },
      accepted: false,
      acceptedVersion: null,
      acceptedAt: null,
    });
    const stale = await call(seller.headers, 'POST', '/api/v1/archive/notice/accept', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    for (const bad of [{}, { version: 'x' }, { version: 0 }, { version: 2, extra: true }]) {
      expect((await call(seller.headers, 'POST', '/api/v1/archive/notice/accept', bad)).statusCode).toBe(400);
    }

    server.clock.advance(1000);
    const accepted = await call(seller.headers, 'POST', '/api/v1/archive/notice/accept', { version: 2 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ accepted: true, acceptedVersion: 2, acceptedAt: expect.any(String) });
    const sent = await send(seller, '报价是三万');
    expect(sent.statusCode).toBe(200);

    // A file without a caption passes the same gate.
    const upload = multipartFile('报价明细', '报价单.txt', 'text/plain');
    const file = await server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${groupId}/attachments`,
      headers: { ...colleague.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(file.statusCode, file.body).toBe(200);
    const fileSend = await call(colleague.headers, 'POST', `/api/v1/conversations/${groupId}/messages`, {
      clientMsgId: 'file-1',
      kind: 'file',
      attachmentId: file.json().id,
    });
    expect(fileSend.json().error?.code).toBe('archive_notice_required');

    // A new text asks again, also before an edit.
    expect((await settings({ notice: '第三版存档告知' })).json().notice.version).toBe(3);
    const edit = await call(seller.headers, 'PATCH', `/api/v1/messages/${sent.json().id}`, { body: '报价是三万五' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error).toMatchObject({ code: 'archive_notice_required', details: { version: 3 } });
    expect((await call(seller.headers, 'GET', '/api/v1/archive/notice')).json()).toMatchObject({
      accepted: false,
      acceptedVersion: 2,
    });
    await call(seller.headers, 'POST', '/api/v1/archive/notice/accept', { version: 3 });
    expect(
      (await call(seller.headers, 'PATCH', `/api/v1/messages/${sent.json().id}`, { body: '报价是三万五' })).statusCode,
    ).toBe(200);
  });

  it('records each acceptance once, append-only, as an audited archive record, and the archive stays intact', async () => {
    // Accepting the same version again changes nothing.
    await call(seller.headers, 'POST', '/api/v1/archive/notice/accept', { version: 3 });
    const rows = await server.ctx.db
      .selectFrom('archive_consents')
      .select(['subject_id', 'action', 'status', 'notice_version', 'via', 'at'])
      .where('org_id', '=', org.orgId)
      .orderBy('at')
      .execute();
    expect(rows.map((r) => [r.subject_id, r.action, r.status, Number(r.notice_version), r.via])).toEqual([
      [seller.id, 'accepted', 'accepted', 2, 'console'],
      [seller.id, 'accepted', 'accepted', 3, 'console'],
    ]);
    const archived = await records('consent.accepted');
    expect(archived.map((r) => JSON.parse(r.attrs))).toMatchObject([
      { subjectId: seller.id, subjectKind: 'member', status: 'accepted', noticeVersion: 2 },
      { subjectId: seller.id, subjectKind: 'member', status: 'accepted', noticeVersion: 3 },
    ]);
    expect(archived.every((r) => r.actor_id === seller.id)).toBe(true);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'archive.notice_accepted')
      .execute();
    expect(audit.map((a) => a.target_id)).toEqual([seller.id, seller.id]);

    await expect(sql`update archive_consents set status = 'declined'`.execute(server.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from archive_consents`.execute(server.ctx.db)).rejects.toThrow(/append-only/);
    const count = (
      await server.ctx.db.selectFrom('archive_records').select('id').where('org_id', '=', org.orgId).execute()
    ).length;
    expect(await verifyArchive(server.ctx, org.orgId)).toMatchObject({ status: 'intact', count });
  });

  it('asks nothing where archiving does not reach', async () => {
    await call(admin, 'PUT', '/api/v1/archive/settings', {
      enabled: true,
      scope: 'departments',
      departmentIds: [east],
    });
    const southOnly = await person(server.ctx, org, '华南新人', south);
    const outside = (await createGroup(server, southOnly, { name: '华南群', memberIds: [colleague.id] })).id;
    const res = await call(southOnly.headers, 'POST', `/api/v1/conversations/${outside}/messages`, {
      clientMsgId: 'south-1',
      body: '不在存档范围',
    });
    expect(res.statusCode).toBe(200);
    expect((await call(southOnly.headers, 'GET', '/api/v1/archive/notice')).json()).toMatchObject({
      archiving: false,
      accepted: false,
    });
    const state = await call(southOnly.headers, 'GET', `/api/v1/archive/conversations/${outside}/consent`);
    expect(state.json()).toMatchObject({ covered: false, archived: false, noticeAccepted: false });
    // The group with a colleague of 华东区 is covered for everyone in it.
    expect((await send(colleague, '华东群里的消息')).json().error.code).toBe('archive_notice_required');
    await settings({});
  });

  it('lists each member’s status, filters by it, and keeps a scoped auditor to their departments', async () => {
    const list = await call(admin, 'GET', '/api/v1/archive/consents?kind=member&limit=200');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json() as { items: { subject: { id: string }; status: string; noticeVersion: number | null }[] };
    expect(list.json().noticeVersion).toBe(3);
    expect(body.items.find((i) => i.subject.id === seller.id)).toMatchObject({ status: 'accepted', noticeVersion: 3 });
    expect(body.items.find((i) => i.subject.id === colleague.id)).toMatchObject({
      status: 'pending',
      noticeVersion: null,
    });

    // An older acceptance is "outdated" once the text changes.
    await settings({ notice: '第四版存档告知' });
    const outdated = await call(admin, 'GET', '/api/v1/archive/consents?status=outdated');
    expect(outdated.json().items.map((i: { subject: { id: string } }) => i.subject.id)).toEqual([seller.id]);
    const pending = await call(admin, 'GET', '/api/v1/archive/consents?status=pending&limit=200');
    expect(pending.json().items.map((i: { subject: { id: string } }) => i.subject.id)).toContain(colleague.id);
    expect(pending.json().items.map((i: { subject: { id: string } }) => i.subject.id)).not.toContain(seller.id);

    const role = server.ctx.ids.next();
    const now = server.ctx.clock.now().toISOString();
    await server.ctx.db
      .insertInto('roles')
      .values({
        id: role,
        org_id: org.orgId,
        builtin_key: null,
        name: '华东审计',
        description: '',
        data_scope: 'department_tree',
        require_totp: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await server.ctx.db
      .insertInto('role_permissions')
      .values({ org_id: org.orgId, role_id: role, permission: 'archive.view' })
      .execute();
    const auditor = await makeMember(server.ctx, org, { departmentId: east, name: '华东审计员', roleIds: [role] });
    const scoped = await call(await sessionFor(server.ctx, org.orgId, auditor.id), 'GET', '/api/v1/archive/consents');
    const ids = scoped.json().items.map((i: { subject: { id: string } }) => i.subject.id);
    expect(ids).toContain(seller.id);
    expect(ids).toContain(auditor.id);
    expect(ids).not.toContain(colleague.id);
    expect(scoped.json().total).toBe(ids.length);

    expect((await call(seller.headers, 'GET', '/api/v1/archive/consents')).statusCode).toBe(403);
    const bad = await call(admin, 'GET', '/api/v1/archive/consents?status=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid');
  });

  it('answers 404 for a conversation of another org or one the member is not in', async () => {
    const other = await makeOrg(server.ctx, '另一家公司');
    const outsider = await sessionFor(server.ctx, other.orgId, other.ownerId);
    expect((await call(outsider, 'GET', `/api/v1/archive/conversations/${groupId}/consent`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/v1/archive/conversations/${groupId}/consent`)).statusCode).toBe(404);
    const mine = await call(seller.headers, 'GET', `/api/v1/archive/conversations/${groupId}/consent`);
    expect(mine.json()).toMatchObject({
      conversationId: groupId,
      covered: true,
      archived: true,
      noticeVersion: 4,
      noticeAccepted: false,
      declinedGuests: [],
      messagingBlocked: false,
    });
  });
});
