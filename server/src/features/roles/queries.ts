/** Reads for roles and member role assignments; always filtered by org. */
import type { DataScope, Permission } from '@concord/protocol';
import { PERMISSIONS } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type RoleView = {
  id: string;
  name: string;
  description: string;
  builtinKey: string | null;
  dataScope: DataScope;
  permissions: Permission[];
  requireTotp: boolean;
  memberCount: number;
};

export type MemberForRoles = { id: string; name: string; status: string; departmentIds: string[] };

const PERMISSION_ORDER = new Map<string, number>(PERMISSIONS.map((p, i) => [p, i]));

type Db = Kysely<Database>;

async function hydrate(db: Db, orgId: string, rows: RoleRow[]): Promise<RoleView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [perms, counts] = await Promise.all([
    db
      .selectFrom('role_permissions')
      .select(['role_id', 'permission'])
      .where('org_id', '=', orgId)
      .where('role_id', 'in', ids)
      .execute(),
    db
      .selectFrom('member_roles')
      .select(['role_id', db.fn.countAll().as('n')])
      .where('org_id', '=', orgId)
      .where('role_id', 'in', ids)
      .groupBy('role_id')
      .execute(),
  ]);
  const permsOf = new Map<string, Permission[]>();
  for (const p of perms) {
    // Names no longer known to this version are ignored, as the actor loader does.
    if (!PERMISSION_ORDER.has(p.permission)) continue;
    const list = permsOf.get(p.role_id) ?? [];
    list.push(p.permission as Permission);
    permsOf.set(p.role_id, list);
  }
  const countOf = new Map(counts.map((c) => [c.role_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    builtinKey: r.builtin_key,
    dataScope: r.data_scope as DataScope,
    permissions: (permsOf.get(r.id) ?? []).sort(
      (a, b) => (PERMISSION_ORDER.get(a) ?? 0) - (PERMISSION_ORDER.get(b) ?? 0),
    ),
    requireTotp: r.require_totp === 1,
    memberCount: countOf.get(r.id) ?? 0,
  }));
}

type RoleRow = {
  id: string;
  name: string;
  description: string;
  builtin_key: string | null;
  data_scope: string;
  require_totp: number;
};

const ROLE_COLUMNS = ['id', 'name', 'description', 'builtin_key', 'data_scope', 'require_totp'] as const;

/** Every role of the org: built-in roles first (in creation order), then custom ones. */
export async function listRoles(db: Db, orgId: string): Promise<RoleView[]> {
  const rows = await db
    .selectFrom('roles')
    .select([...ROLE_COLUMNS])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return hydrate(db, orgId, rows);
}

export async function findRole(db: Db, orgId: string, roleId: string): Promise<RoleView | null> {
  const row = await db
    .selectFrom('roles')
    .select([...ROLE_COLUMNS])
    .where('org_id', '=', orgId)
    .where('id', '=', roleId)
    .executeTakeFirst();
  if (!row) return null;
  const [view] = await hydrate(db, orgId, [row]);
  return view ?? null;
}

/** The roles with these ids that belong to the org (others are simply missing). */
export async function findRoles(db: Db, orgId: string, roleIds: readonly string[]): Promise<RoleView[]> {
  if (roleIds.length === 0) return [];
  const rows = await db
    .selectFrom('roles')
    .select([...ROLE_COLUMNS])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...roleIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return hydrate(db, orgId, rows);
}

export async function findRoleByName(db: Db, orgId: string, name: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('roles').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
}

export async function rolesOfMember(db: Db, orgId: string, memberId: string): Promise<RoleView[]> {
  const rows = await db
    .selectFrom('member_roles')
    .innerJoin('roles', 'roles.id', 'member_roles.role_id')
    .select(ROLE_COLUMNS.map((c) => `roles.${c}` as const))
    .where('member_roles.org_id', '=', orgId)
    .where('member_roles.member_id', '=', memberId)
    .orderBy('roles.created_at')
    .orderBy('roles.id')
    .execute();
  return hydrate(db, orgId, rows);
}

export async function findMemberForRoles(db: Db, orgId: string, memberId: string): Promise<MemberForRoles | null> {
  const member = await db
    .selectFrom('members')
    .select(['id', 'name', 'status'])
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  if (!member) return null;
  const departments = await db
    .selectFrom('member_departments')
    .select('department_id')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .execute();
  return { ...member, departmentIds: departments.map((d) => d.department_id) };
}

/** Whether the member holds the org's built-in owner role. */
export async function isOwner(db: Db, orgId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('member_roles')
    .innerJoin('roles', 'roles.id', 'member_roles.role_id')
    .select('roles.id')
    .where('member_roles.org_id', '=', orgId)
    .where('member_roles.member_id', '=', memberId)
    .where('roles.builtin_key', '=', 'owner')
    .executeTakeFirst();
  return row !== undefined;
}

/** How many active members hold the owner role. */
export async function countActiveOwners(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('member_roles')
    .innerJoin('roles', 'roles.id', 'member_roles.role_id')
    .innerJoin('members', 'members.id', 'member_roles.member_id')
    .select(db.fn.countAll().as('n'))
    .where('member_roles.org_id', '=', orgId)
    .where('roles.builtin_key', '=', 'owner')
    .where('members.status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
