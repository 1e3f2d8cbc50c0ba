/** Directory reads: departments, members, their memberships, heads and roles. Always filtered by org. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Dialect } from '../../platform/db/connect.js';
import type { Database, DepartmentTable, MemberTable } from '../../platform/db/schema.js';

export type DepartmentRow = Selectable<DepartmentTable>;
export type MemberRow = Selectable<MemberTable>;
type Db = Kysely<Database>;

export function listDepartmentRows(db: Db, orgId: string): Promise<DepartmentRow[]> {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findDepartment(db: Db, orgId: string, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Members who still belong (active or disabled) per department, primary or extra. */
export async function memberCountsByDepartment(db: Db, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('member_departments')
    .innerJoin('members', 'members.id', 'member_departments.member_id')
    .select(['member_departments.department_id as departmentId', (eb) => eb.fn.countAll<string>().as('n')])
    .where('member_departments.org_id', '=', orgId)
    .where('members.status', '!=', 'departed')
    .groupBy('member_departments.department_id')
    .execute();
  return new Map(rows.map((r) => [r.departmentId, Number(r.n)]));
}

export async function headsByDepartment(db: Db, orgId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('department_heads')
    .select(['department_id', 'member_id'])
    .where('org_id', '=', orgId)
    .orderBy('member_id')
    .execute();
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.department_id, [...(out.get(row.department_id) ?? []), row.member_id]);
  return out;
}

/** How many members (any status) and child departments a department holds. */
export async function departmentContents(
  db: Db,
  orgId: string,
  departmentId: string,
): Promise<{ children: number; members: number }> {
  const [children, members] = await Promise.all([
    db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('parent_id', '=', departmentId)
      .executeTakeFirst(),
    db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('kind', '=', 'staff')
      .where((eb) =>
        eb.or([
          eb('primary_department_id', '=', departmentId),
          eb.exists(
            eb
              .selectFrom('member_departments')
              .select('member_departments.member_id')
              .whereRef('member_departments.member_id', '=', 'members.id')
              .where('member_departments.department_id', '=', departmentId),
          ),
        ]),
      )
      .executeTakeFirst(),
  ]);
  return { children: Number(children?.n ?? 0), members: Number(members?.n ?? 0) };
}

/** A member of the directory (guests of external groups are not in it). */
export function findMember(db: Db, orgId: string, id: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
}

/** Department ids of each member, primary first. */
export async function departmentIdsOf(
  db: Db,
  orgId: string,
  memberIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .selectFrom('member_departments')
    .select(['member_id', 'department_id', 'is_primary'])
    .where('org_id', '=', orgId)
    .where('member_id', 'in', [...memberIds])
    .orderBy('is_primary', 'desc')
    .orderBy('department_id')
    .execute();
  for (const row of rows) out.set(row.member_id, [...(out.get(row.member_id) ?? []), row.department_id]);
  return out;
}

export function rolesOf(db: Db, orgId: string, memberId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('member_roles')
    .innerJoin('roles', 'roles.id', 'member_roles.role_id')
    .select(['roles.id', 'roles.name'])
    .where('member_roles.org_id', '=', orgId)
    .where('member_roles.member_id', '=', memberId)
    .orderBy('roles.name')
    .execute();
}

export async function headedBy(db: Db, orgId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('department_heads')
    .select('department_id')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

/** Active members of the org holding the built-in owner role. */
export async function activeOwnerIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member_roles')
    .innerJoin('roles', 'roles.id', 'member_roles.role_id')
    .innerJoin('members', 'members.id', 'member_roles.member_id')
    .select('members.id')
    .where('member_roles.org_id', '=', orgId)
    .where('roles.builtin_key', '=', 'owner')
    .where('members.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export type MemberListFilter = {
  /** null: every member of the org; otherwise members in these departments, plus `selfId`. */
  reachDepartmentIds: ReadonlySet<string> | null;
  selfId: string | null;
  /** Only members in one of these departments. */
  departmentIds: ReadonlySet<string> | null;
  status: string | undefined;
  q: string | undefined;
  after: { pinyin: string; id: string } | null;
  limit: number;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Byte order on both stores, so SQLite and PostgreSQL page through members identically. */
const pinyinKey = (dialect: Dialect) =>
  dialect === 'postgres' ? sql<string>`members.name_pinyin collate "C"` : sql<string>`members.name_pinyin`;

/** A page of members sorted by pinyin of the name, then id (keyset pagination). */
export function listMemberRows(
  db: Db,
  dialect: Dialect,
  orgId: string,
  filter: MemberListFilter,
): Promise<MemberRow[]> {
  const key = pinyinKey(dialect);
  let query = db
    .selectFrom('members')
    .selectAll('members')
    .where('members.org_id', '=', orgId)
    .where('members.kind', '=', 'staff');
  const inDepartments = (ids: ReadonlySet<string>) =>
    sql<boolean>`exists (select 1 from member_departments md where md.member_id = members.id and md.department_id in (${sql.join(
      [...ids],
    )}))`;
  if (filter.reachDepartmentIds) {
    const reach = filter.reachDepartmentIds;
    const self = filter.selfId ?? '';
    query = query.where((eb) =>
      reach.size > 0 ? eb.or([eb('members.id', '=', self), inDepartments(reach)]) : eb('members.id', '=', self),
    );
  }
  if (filter.departmentIds) {
    if (filter.departmentIds.size === 0) return Promise.resolve([]);
    query = query.where(inDepartments(filter.departmentIds));
  }
  if (filter.status) query = query.where('members.status', '=', filter.status);
  const q = filter.q?.trim().toLowerCase();
  if (q) {
    const contains = `%${escapeLike(q)}%`;
    const compact = escapeLike(q.replace(/\s+/g, ''));
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(members.name) like ${contains} escape '\\'`,
        sql<boolean>`members.name_initials like ${`${compact}%`} escape '\\'`,
        sql<boolean>`replace(members.name_pinyin, ' ', '') like ${`${compact}%`} escape '\\'`,
        sql<boolean>`members.mobile like ${contains} escape '\\'`,
        sql<boolean>`members.email like ${contains} escape '\\'`,
      ]),
    );
  }
  if (filter.after) {
    const { pinyin, id } = filter.after;
    query = query.where(sql<boolean>`(${key} > ${pinyin} or (${key} = ${pinyin} and members.id > ${id}))`);
  }
  return query.orderBy(key).orderBy('members.id').limit(filter.limit).execute();
}

/** Ids of members (any org) already using one of these emails or mobiles. */
export async function membersWithContacts(
  db: Db,
  emails: readonly string[],
  mobiles: readonly string[],
): Promise<{ id: string; org_id: string; email: string | null; mobile: string | null; status: string }[]> {
  const out: { id: string; org_id: string; email: string | null; mobile: string | null; status: string }[] = [];
  const chunk = 500;
  for (const [column, values] of [
    ['email', emails],
    ['mobile', mobiles],
  ] as const) {
    for (let i = 0; i < values.length; i += chunk) {
      const part = values.slice(i, i + chunk);
      out.push(
        ...(await db
          .selectFrom('members')
          .select(['id', 'org_id', 'email', 'mobile', 'status'])
          .where(column, 'in', part)
          .execute()),
      );
    }
  }
  return out;
}
