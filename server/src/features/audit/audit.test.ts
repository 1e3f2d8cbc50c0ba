import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';
import { type Actor, loadActor } from '../../authz/actor.js';
import { recordAudit } from './record.js';

type Auth = { authorization: string };
type Entry = { id: string; action: string; at: string; target: { id: string } | null; after: unknown };

const T0 = '2026-03-01T00:00:00.000Z';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString();

describe.each(STORE_KINDS)('audit log on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let adminId: string;
  let auditorId: string;
  let auditor: Auth;
  let owner: Auth;
  let plain: Auth;
  const seeded: Record<string, string> = {};
  const memberX = 'member-x';
  const deptId = 'dept-1';

  const get = (url: string, auth: Auth) => server.app.inject({ method: 'GET', url, headers: auth });
  const ids = (res: { json(): { items: Entry[] } }) => res.json().items.map((e) => e.id);

  async function actorFor(memberId: string): Promise<Actor> {
    const meta = { ip: '10.0.0.8', userAgent: 'seed', requestId: null };
    const actor = await loadActor(server.ctx.db, org.orgId, memberId, { kind: 'member' }, meta);
    if (!actor) throw new Error('seed actor missing');
    return actor;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx, '审计测试公司');
    const dept = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '审计部');
    adminId = (await makeMember(server.ctx, org, { departmentId: dept, roles: ['admin'], name: '管理员甲' })).id;
    auditorId = (await makeMember(server.ctx, org, { departmentId: dept, roles: ['auditor'], name: '审计员乙' })).id;
    const plainId = (await makeMember(server.ctx, org, { departmentId: dept })).id;
    const admin = await actorFor(adminId);
    const aud = await actorFor(auditorId);
    const system = { kind: 'system' as const, memberId: null, name: 'concord', meta: admin.meta };

    server.clock.set(at(0));
    await recordAudit(server.ctx, server.ctx.db, {
      orgId: org.orgId,
      who: admin,
      action: 'member.updated',
      target: { type: 'member', id: memberX, label: '张三' },
      before: { title: '销售' },
      after: { title: '销售经理' },
    });
    seeded.e1 = (await lastId()) as string;
    server.clock.set(at(1));
    await recordAudit(server.ctx, server.ctx.db, {
      orgId: org.orgId,
      who: aud,
      action: 'department.created',
      target: { type: 'department', id: deptId, label: '销售部, "华东"' },
      after: { name: '销售部, "华东"' },
    });
    seeded.e2 = (await lastId()) as string;
    server.clock.set(at(2));
    await recordAudit(server.ctx, server.ctx.db, {
      orgId: org.orgId,
      who: admin,
      action: 'member.updated',
      target: { type: 'member', id: 'member-y', label: '=HYPERLINK("http://x")' },
      after: { note: '第一行\n第二行' },
    });
    seeded.e3 = (await lastId()) as string;
    server.clock.set(at(3));
    for (let i = 0; i < 7; i++) {
      await recordAudit(server.ctx, server.ctx.db, {
        orgId: org.orgId,
        who: system,
        action: 'session.revoked',
        target: { type: 'session', id: `s-${i}`, label: `第${i}个会话` },
      });
    }
    server.clock.set(at(4));
    auditor = await sessionFor(server.ctx, org.orgId, auditorId);
    owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
    plain = await sessionFor(server.ctx, org.orgId, plainId);
  });
  afterAll(() => server.close());

  async function lastId(): Promise<string | undefined> {
    const row = await server.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('org_id', '=', org.orgId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.id;
  }

  it('lists entries newest first with actor, target, before and after', async () => {
    const res = await get('/api/v1/audit?limit=200', auditor);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Entry[];
    const sorted = [...items].sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(items.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    const e1 = items.find((e) => e.id === seeded.e1);
    expect(e1).toMatchObject({
      at: at(0),
      actor: { id: adminId, name: '管理员甲', kind: 'member' },
      action: 'member.updated',
      target: { type: 'member', id: memberX, label: '张三' },
      before: { title: '销售' },
      after: { title: '销售经理' },
      ip: '10.0.0.8',
      userAgent: 'seed',
    });
  });

  it('filters by actor, action, target and time window, each exactly', async () => {
    expect(ids(await get(`/api/v1/audit?actorId=${adminId}`, auditor))).toEqual([seeded.e3, seeded.e1]);
    expect(ids(await get('/api/v1/audit?action=member.updated', auditor))).toEqual([seeded.e3, seeded.e1]);
    expect(ids(await get(`/api/v1/audit?targetType=department&targetId=${deptId}`, auditor))).toEqual([seeded.e2]);
    expect(ids(await get(`/api/v1/audit?targetId=${memberX}`, auditor))).toEqual([seeded.e1]);
    const window = `from=${encodeURIComponent(at(0.5))}&to=${encodeURIComponent(at(2))}`;
    expect(ids(await get(`/api/v1/audit?${window}`, auditor))).toEqual([seeded.e2]);
    // from is inclusive, to exclusive; offsets are normalised to UTC.
    const shifted = `from=${encodeURIComponent('2026-03-01T09:00:00+08:00')}&to=${encodeURIComponent(at(3))}`;
    expect(ids(await get(`/api/v1/audit?${shifted}`, auditor))).toEqual([seeded.e3, seeded.e2]);
    expect((await get('/api/v1/audit?from=yesterday', auditor)).statusCode).toBe(400);
  });

  it('pages through every entry exactly once with the cursor', async () => {
    const all = ids(await get('/api/v1/audit?limit=200', auditor));
    expect(all.length).toBeGreaterThanOrEqual(11);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/audit?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await get(url, auditor);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Entry[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(all);
    expect((await get('/api/v1/audit?cursor=bm9wZQ', auditor)).statusCode).toBe(400);
  });

  it('refuses the log to members without audit.view', async () => {
    const res = await get('/api/v1/audit', plain);
    expect(res.statusCode).toBe(403);
  });

  it('exports CSV with a BOM, intact Chinese, correct quoting, inert formulas, and records the export', async () => {
    const res = await get('/api/v1/audit/export', owner);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-2026-03-01.csv"');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('时间,操作人,操作人类型,动作,对象类型,对象,对象名称,地址,客户端,变更前,变更后');
    expect(text).toContain(
      `${at(1)},审计员乙,member,department.created,department,${deptId},"销售部, ""华东""",10.0.0.8,seed,,"{""name"":""销售部, \\""华东\\""""}"`,
    );
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`${at(0)},管理员甲,member,member.updated,member,${memberX},张三,`);
    expect(text).toContain('第6个会话');

    // The export is itself in the log, with its filters, and is not part of the file it made.
    const exported = (await get('/api/v1/audit?action=audit.exported', auditor)).json().items as Entry[];
    expect(exported).toHaveLength(1);
    expect(text).not.toContain('audit.exported');

    const filtered = await get('/api/v1/audit/export?action=member.updated', owner);
    const rows = filtered.body.slice(1).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(3);
    const latest = (await get('/api/v1/audit?action=audit.exported', auditor)).json().items as Entry[];
    expect(latest[0]?.after).toMatchObject({ filters: { action: 'member.updated' } });
  });

  it('keeps a line break inside a quoted cell', async () => {
    server.clock.set(at(5));
    await recordAudit(server.ctx, server.ctx.db, {
      orgId: org.orgId,
      who: await actorFor(adminId),
      action: 'member.updated',
      target: { type: 'member', id: 'member-z', label: '第一行\n第二行' },
    });
    const res = await get('/api/v1/audit/export?targetId=member-z', owner);
    expect(res.body).toContain('"第一行\n第二行"');
  });

  it('refuses the export to members without data.export', async () => {
    const res = await get('/api/v1/audit/export', auditor);
    expect(res.statusCode).toBe(403);
  });

  it('documents the list and the CSV export in the OpenAPI document', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/v1/audit'].get.tags).toEqual(['audit']);
    expect(Object.keys(doc.paths['/api/v1/audit/export'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(doc.paths['/api/v1/roles'].post.summary).toBeTruthy();
    expect(doc.paths['/api/v1/org'].patch.summary).toBeTruthy();
  });

  it('has no route to edit or delete an entry, and the entry stays', async () => {
    const url = `/api/v1/audit/${seeded.e1}`;
    const patch = await server.app.inject({ method: 'PATCH', url, headers: owner, payload: { action: 'x' } });
    expect(patch.statusCode).toBe(404);
    const del = await server.app.inject({ method: 'DELETE', url, headers: owner });
    expect(del.statusCode).toBe(404);
    const row = await server.ctx.db
      .selectFrom('audit_log')
      .select(['id', 'action'])
      .where('id', '=', seeded.e1 as string)
      .executeTakeFirst();
    expect(row).toEqual({ id: seeded.e1, action: 'member.updated' });
  });

  it('shows another org’s admin none of this org’s entries', async () => {
    const other = await makeOrg(server.ctx, '隔壁公司');
    const otherAdmin = await makeMember(server.ctx, other, { departmentId: other.rootDepartmentId, roles: ['admin'] });
    const auth = await sessionFor(server.ctx, other.orgId, otherAdmin.id);
    const theirs = ids(await get('/api/v1/audit?limit=200', auth));
    const ours = new Set(ids(await get('/api/v1/audit?limit=200', auditor)));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((id) => ours.has(id))).toEqual([]);
    expect(ids(await get(`/api/v1/audit?actorId=${adminId}`, auth))).toEqual([]);
    const csv = await get('/api/v1/audit/export', auth);
    expect(csv.body).not.toContain('管理员甲');
  });

  it('limits a department-scoped auditor to entries by members of their departments', async () => {
    const role = await server.ctx.db
      .insertInto('roles')
      .values({
        id: server.ctx.ids.next(),
        org_id: org.orgId,
        builtin_key: null,
        name: '部门审计',
        description: '',
        data_scope: 'department',
        require_totp: 0,
        created_at: at(5),
        updated_at: at(5),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.ctx.db
      .insertInto('role_permissions')
      .values({ org_id: org.orgId, role_id: role.id, permission: 'audit.view' })
      .execute();
    const elsewhere = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '别的部门');
    const scoped = await makeMember(server.ctx, org, { departmentId: elsewhere, roles: [], roleIds: [role.id] });
    const auth = await sessionFor(server.ctx, org.orgId, scoped.id);
    expect(ids(await get(`/api/v1/audit?actorId=${adminId}`, auth))).toEqual([]);
    // Their own refused request is the one entry in their reach.
    expect((await get('/api/v1/roles', auth)).statusCode).toBe(403);
    const own = (await get('/api/v1/audit?limit=200', auth)).json().items as (Entry & { actor: { id: string } })[];
    expect(own.map((e) => [e.action, e.actor.id])).toEqual([['authz.denied', scoped.id]]);
  });
});
