import { PERMISSIONS } from '@concord/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeMember, makeOrg, sessionFor, type TestOrg } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Auth = { authorization: string };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe.each(STORE_KINDS)('roles on %s', (kind) => {
  let server: TestServer;
  let org: TestOrg;
  let owner: Auth;
  let admin: Auth;
  let adminId: string;
  let salesId: string;

  const call = (method: Method, url: string, auth: Auth, payload?: unknown) =>
    server.app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });

  const auditCount = async (orgId: string, action: string, actorId?: string) => {
    let q = server.ctx.db.selectFrom('audit_log').select('id').where('org_id', '=', orgId).where('action', '=', action);
    if (actorId) q = q.where('actor_id', '=', actorId);
    return (await q.execute()).length;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    org = await makeOrg(server.ctx);
    salesId = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '销售部');
    owner = await sessionFor(server.ctx, org.orgId, org.ownerId);
    const a = await makeMember(server.ctx, org, { departmentId: org.rootDepartmentId, roles: ['admin', 'member'] });
    adminId = a.id;
    admin = await sessionFor(server.ctx, org.orgId, a.id);
  });
  afterAll(() => server.close());

  it('gives a member a custom department-tree role on their very next request, and takes it back', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: salesId, name: '赵六' });
    const auth = await sessionFor(server.ctx, org.orgId, m.id);
    expect((await call('GET', '/api/v1/audit', auth)).statusCode).toBe(403);

    const created = await call('POST', '/api/v1/roles', admin, {
      name: '部门审计',
      description: '查看本部门审计',
      dataScope: 'department_tree',
      permissions: ['audit.view', 'member.view'],
    });
    expect(created.statusCode).toBe(201);
    const role = created.json();
    expect(role).toMatchObject({
      name: '部门审计',
      description: '查看本部门审计',
      builtinKey: null,
      dataScope: 'department_tree',
      permissions: ['member.view', 'audit.view'],
      requireTotp: false,
      memberCount: 0,
    });

    const put = await call('PUT', `/api/v1/members/${m.id}/roles`, admin, {
      roleIds: [org.roleIds.member, role.id],
    });
    expect(put.statusCode).toBe(200);
    expect(
      put
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([org.roleIds.member, role.id].sort());
    expect((await call('GET', '/api/v1/audit', auth)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/roles/${role.id}`, admin)).json().memberCount).toBe(1);
    const mine = await call('GET', `/api/v1/members/${m.id}/roles`, auth);
    expect(mine.json().items).toHaveLength(2);

    const back = await call('PUT', `/api/v1/members/${m.id}/roles`, admin, { roleIds: [org.roleIds.member] });
    expect(back.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/audit', auth)).statusCode).toBe(403);

    const changes = await server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'member.roles_changed')
      .where('target_id', '=', m.id)
      .orderBy('id')
      .execute();
    expect(changes).toHaveLength(2);
    const first = changes[0];
    expect(JSON.parse(first?.before ?? 'null').roles.map((r: { id: string }) => r.id)).toEqual([org.roleIds.member]);
    expect(JSON.parse(first?.after ?? 'null').roles).toHaveLength(2);
    expect(await auditCount(org.orgId, 'role.created', adminId)).toBeGreaterThanOrEqual(1);
  });

  it('refuses role creation to a member without role.manage and records the refusal', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: salesId });
    const auth = await sessionFor(server.ctx, org.orgId, m.id);
    const res = await call('POST', '/api/v1/roles', auth, { name: '越权', dataScope: 'org', permissions: [] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(await auditCount(org.orgId, 'authz.denied', m.id)).toBe(1);
    expect((await call('GET', '/api/v1/roles', auth)).statusCode).toBe(200);
  });

  it('lists every role with its member count to any member who can view members', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: salesId });
    const res = await call('GET', '/api/v1/roles', await sessionFor(server.ctx, org.orgId, m.id));
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { builtinKey: string | null; memberCount: number; permissions: string[] }[];
    const keys = items.map((r) => r.builtinKey).filter(Boolean);
    expect(keys).toEqual(['owner', 'admin', 'hr', 'finance', 'auditor', 'supervisor', 'member']);
    expect(items.find((r) => r.builtinKey === 'owner')?.memberCount).toBe(1);
    expect(items.find((r) => r.builtinKey === 'hr')?.permissions).not.toContain('data.export');
  });

  it('does not let HR with role.manage grant data.export or hand out the admin role', async () => {
    const roleAdmin = await call('POST', '/api/v1/roles', admin, {
      name: '角色管理',
      dataScope: 'org',
      permissions: ['role.manage'],
    });
    expect(roleAdmin.statusCode).toBe(201);
    const hr = await makeMember(server.ctx, org, {
      departmentId: org.rootDepartmentId,
      roles: ['hr', 'member'],
      roleIds: [roleAdmin.json().id],
    });
    const hrAuth = await sessionFor(server.ctx, org.orgId, hr.id);

    const exporting = await call('POST', '/api/v1/roles', hrAuth, {
      name: '导出员',
      dataScope: 'org',
      permissions: ['data.export'],
    });
    expect(exporting.statusCode).toBe(403);
    expect(exporting.json().error.details.permissions).toEqual(['data.export']);
    const ok = await call('POST', '/api/v1/roles', hrAuth, {
      name: '通讯录',
      dataScope: 'org',
      permissions: ['member.view'],
    });
    expect(ok.statusCode).toBe(201);
    const widen = await call('PATCH', `/api/v1/roles/${ok.json().id}`, hrAuth, {
      permissions: ['member.view', 'customer.view_contact'],
    });
    expect(widen.statusCode).toBe(403);

    const target = await makeMember(server.ctx, org, { departmentId: salesId });
    const toAdmin = await call('PUT', `/api/v1/members/${target.id}/roles`, hrAuth, {
      roleIds: [org.roleIds.member, org.roleIds.admin],
    });
    expect(toAdmin.statusCode).toBe(403);
    const stillMember = await call('GET', `/api/v1/members/${target.id}/roles`, admin);
    expect(stillMember.json().items.map((r: { id: string }) => r.id)).toEqual([org.roleIds.member]);
  });

  it('lets only an owner give or take the owner role', async () => {
    const m = await makeMember(server.ctx, org, { departmentId: salesId, name: '钱七' });
    const ownerRoles = { roleIds: [org.roleIds.member, org.roleIds.owner] };
    const byAdmin = await call('PUT', `/api/v1/members/${m.id}/roles`, admin, ownerRoles);
    expect(byAdmin.statusCode).toBe(403);
    const byOwner = await call('PUT', `/api/v1/members/${m.id}/roles`, owner, ownerRoles);
    expect(byOwner.statusCode).toBe(200);
    const takeByAdmin = await call('PUT', `/api/v1/members/${m.id}/roles`, admin, { roleIds: [org.roleIds.member] });
    expect(takeByAdmin.statusCode).toBe(403);
    const takeByOwner = await call('PUT', `/api/v1/members/${m.id}/roles`, owner, { roleIds: [org.roleIds.member] });
    expect(takeByOwner.statusCode).toBe(200);
  });

  it('refuses to remove the owner role from the last active owner', async () => {
    const solo = await makeOrg(server.ctx, '独资公司');
    const soloOwner = await sessionFor(server.ctx, solo.orgId, solo.ownerId);
    const res = await call('PUT', `/api/v1/members/${solo.ownerId}/roles`, soloOwner, {
      roleIds: [solo.roleIds.member],
    });
    expect(res.statusCode).toBe(409);
    const roles = await call('GET', `/api/v1/members/${solo.ownerId}/roles`, soloOwner);
    expect(roles.json().items.map((r: { builtinKey: string }) => r.builtinKey)).toContain('owner');

    // With a second active owner, the first may step down.
    const second = await makeMember(server.ctx, solo, {
      departmentId: solo.rootDepartmentId,
      roles: ['owner', 'member'],
    });
    const stepDown = await call('PUT', `/api/v1/members/${solo.ownerId}/roles`, soloOwner, {
      roleIds: [solo.roleIds.member],
    });
    expect(stepDown.statusCode).toBe(200);
    const secondAuth = await sessionFor(server.ctx, solo.orgId, second.id);
    const last = await call('PUT', `/api/v1/members/${second.id}/roles`, secondAuth, { roleIds: [] });
    expect(last.statusCode).toBe(409);
  });

  it('refuses to delete a built-in role or a role still held, and deletes an unused custom role', async () => {
    const builtin = await call('DELETE', `/api/v1/roles/${org.roleIds.finance}`, admin);
    expect(builtin.statusCode).toBe(409);
    const created = (
      await call('POST', '/api/v1/roles', admin, { name: '临时', dataScope: 'self', permissions: ['member.view'] })
    ).json();
    const m = await makeMember(server.ctx, org, { departmentId: salesId, roleIds: [created.id] });
    expect((await call('DELETE', `/api/v1/roles/${created.id}`, admin)).statusCode).toBe(409);
    await call('PUT', `/api/v1/members/${m.id}/roles`, admin, { roleIds: [org.roleIds.member] });
    expect((await call('DELETE', `/api/v1/roles/${created.id}`, admin)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/roles/${created.id}`, admin)).statusCode).toBe(404);
    const deleted = await server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'role.deleted')
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(deleted.before ?? 'null')).toMatchObject({ name: '临时', permissions: ['member.view'] });
  });

  it('keeps the owner role’s permissions fixed but lets an owner rename it', async () => {
    const change = await call('PATCH', `/api/v1/roles/${org.roleIds.owner}`, owner, { permissions: ['member.view'] });
    expect(change.statusCode).toBe(409);
    const byAdmin = await call('PATCH', `/api/v1/roles/${org.roleIds.owner}`, admin, { name: '老板' });
    expect(byAdmin.statusCode).toBe(403);
    const rename = await call('PATCH', `/api/v1/roles/${org.roleIds.owner}`, owner, { name: '老板' });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().permissions).toHaveLength(PERMISSIONS.length);
  });

  it('updates a custom role and records before and after', async () => {
    const created = (
      await call('POST', '/api/v1/roles', admin, {
        name: '客服',
        dataScope: 'department',
        permissions: ['member.view'],
      })
    ).json();
    const res = await call('PATCH', `/api/v1/roles/${created.id}`, admin, {
      name: '客服组',
      dataScope: 'org',
      permissions: ['member.view', 'session.manage'],
      requireTotp: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '客服组',
      dataScope: 'org',
      permissions: ['member.view', 'session.manage'],
      requireTotp: true,
    });
    const entry = await server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'role.updated')
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before ?? 'null')).toMatchObject({ name: '客服', dataScope: 'department' });
    expect(JSON.parse(entry.after ?? 'null')).toMatchObject({ name: '客服组', requireTotp: true });
    const clash = await call('PATCH', `/api/v1/roles/${created.id}`, admin, { name: '管理员' });
    expect(clash.statusCode).toBe(409);
  });

  it('refuses unknown permissions, scopes and fields with 400', async () => {
    const badPermission = await call('POST', '/api/v1/roles', admin, {
      name: '坏',
      dataScope: 'org',
      permissions: ['everything'],
    });
    expect(badPermission.statusCode).toBe(400);
    const badScope = await call('POST', '/api/v1/roles', admin, { name: '坏', dataScope: 'world', permissions: [] });
    expect(badScope.statusCode).toBe(400);
    const extra = await call('PATCH', `/api/v1/roles/${org.roleIds.finance}`, admin, { color: 'red' });
    expect(extra.statusCode).toBe(400);
    expect(await server.ctx.db.selectFrom('roles').select('id').where('name', '=', '坏').execute()).toHaveLength(0);
  });

  it('hides other orgs’ roles and members behind 404', async () => {
    const other = await makeOrg(server.ctx, '别家公司');
    const otherAdmin = await makeMember(server.ctx, other, {
      departmentId: other.rootDepartmentId,
      roles: ['admin', 'member'],
    });
    const otherAuth = await sessionFor(server.ctx, other.orgId, otherAdmin.id);
    const ourRole = org.roleIds.finance as string;
    expect((await call('GET', `/api/v1/roles/${ourRole}`, otherAuth)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/roles/${ourRole}`, otherAuth, { name: 'x' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/roles/${ourRole}`, otherAuth)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/members/${adminId}/roles`, otherAuth)).statusCode).toBe(404);
    const foreignRole = await call('PUT', `/api/v1/members/${otherAdmin.id}/roles`, otherAuth, {
      roleIds: [other.roleIds.admin, other.roleIds.member, ourRole],
    });
    expect(foreignRole.statusCode).toBe(404);
    const foreignMember = await call('PUT', `/api/v1/members/${adminId}/roles`, otherAuth, {
      roleIds: [other.roleIds.member],
    });
    expect(foreignMember.statusCode).toBe(404);
  });

  it('hides members outside the actor’s view scope and lets department managers assign within it', async () => {
    const managerRole = (
      await call('POST', '/api/v1/roles', admin, {
        name: '部门经理',
        dataScope: 'department_tree',
        permissions: ['member.view', 'role.manage'],
      })
    ).json();
    const viewer = (
      await call('POST', '/api/v1/roles', admin, {
        name: '查看本部门',
        dataScope: 'department',
        permissions: ['member.view'],
      })
    ).json();
    const hq = await makeDepartment(server.ctx, org.orgId, org.rootDepartmentId, '总部');
    const manager = await makeMember(server.ctx, org, { departmentId: salesId, roles: [], roleIds: [managerRole.id] });
    const auth = await sessionFor(server.ctx, org.orgId, manager.id);
    const outside = await makeMember(server.ctx, org, { departmentId: hq, roles: [] });
    const inside = await makeMember(server.ctx, org, { departmentId: salesId, roles: [] });

    expect((await call('GET', `/api/v1/members/${outside.id}/roles`, auth)).statusCode).toBe(404);
    const outsidePut = await call('PUT', `/api/v1/members/${outside.id}/roles`, auth, { roleIds: [viewer.id] });
    expect(outsidePut.statusCode).toBe(404);
    const insidePut = await call('PUT', `/api/v1/members/${inside.id}/roles`, auth, { roleIds: [viewer.id] });
    expect(insidePut.statusCode).toBe(200);
    // An org-wide role is wider than the manager's own reach.
    const wide = await call('PUT', `/api/v1/members/${inside.id}/roles`, auth, { roleIds: [org.roleIds.member] });
    expect(wide.statusCode).toBe(403);
  });
});
