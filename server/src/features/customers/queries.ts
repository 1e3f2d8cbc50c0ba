/** Customer reads: rows, owners, co-followers, tags, stages, history, fields. Always filtered by org. */
import type { Kysely, Selectable } from 'kysely';
import type {
  CustomerFieldTable,
  CustomerStageMoveTable,
  CustomerStageTable,
  CustomerTable,
  CustomerTagGroupTable,
  CustomerTagTable,
} from '../../platform/db/customer-tables.js';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;
export type CustomerRow = Selectable<CustomerTable>;
export type StageRow = Selectable<CustomerStageTable>;
export type FieldRow = Selectable<CustomerFieldTable>;
export type StageMoveRow = Selectable<CustomerStageMoveTable>;
export type TagGroupRow = Selectable<CustomerTagGroupTable>;
export type TagRow = Selectable<CustomerTagTable>;

export type MemberFacts = { id: string; name: string; status: string; departmentIds: string[] };
export type TagRef = { id: string; name: string; groupId: string; groupName: string; personal: boolean };

export function findCustomer(db: Db, orgId: string, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function findCustomers(db: Db, orgId: string, ids: readonly string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Name, status and departments of staff members of the org (owners, co-followers). */
export async function memberFacts(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, MemberFacts>> {
  const out = new Map<string, MemberFacts>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const [members, departments] = await Promise.all([
    db
      .selectFrom('members')
      .select(['id', 'name', 'status'])
      .where('org_id', '=', orgId)
      .where('kind', '=', 'staff')
      .where('id', 'in', unique)
      .execute(),
    db
      .selectFrom('member_departments')
      .select(['member_id', 'department_id'])
      .where('org_id', '=', orgId)
      .where('member_id', 'in', unique)
      .orderBy('is_primary', 'desc')
      .orderBy('department_id')
      .execute(),
  ]);
  for (const m of members) out.set(m.id, { ...m, departmentIds: [] });
  for (const d of departments) out.get(d.member_id)?.departmentIds.push(d.department_id);
  return out;
}

/** Co-followers of each customer, in the order they were added. */
export async function followersOf(
  db: Db,
  orgId: string,
  customerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const rows = await db
    .selectFrom('customer_followers')
    .select(['customer_id', 'member_id'])
    .where('org_id', '=', orgId)
    .where('customer_id', 'in', [...customerIds])
    .orderBy('added_at')
    .orderBy('member_id')
    .execute();
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.member_id]);
  return out;
}

/** Tags of each customer the member may see: org-wide tags and their own personal ones. */
export async function tagsOf(
  db: Db,
  orgId: string,
  memberId: string,
  customerIds: readonly string[],
): Promise<Map<string, TagRef[]>> {
  const out = new Map<string, TagRef[]>();
  if (customerIds.length === 0) return out;
  const rows = await db
    .selectFrom('customer_tag_links as l')
    .innerJoin('customer_tags as t', 't.id', 'l.tag_id')
    .innerJoin('customer_tag_groups as g', 'g.id', 't.group_id')
    .select(['l.customer_id', 't.id', 't.name', 'g.id as group_id', 'g.name as group_name', 'g.owner_id'])
    .where('l.org_id', '=', orgId)
    .where('l.customer_id', 'in', [...customerIds])
    .where((eb) => eb.or([eb('g.owner_id', 'is', null), eb('g.owner_id', '=', memberId)]))
    .orderBy('g.sort_order')
    .orderBy('g.id')
    .orderBy('t.sort_order')
    .orderBy('t.id')
    .execute();
  for (const r of rows) {
    const tag = { id: r.id, name: r.name, groupId: r.group_id, groupName: r.group_name, personal: r.owner_id !== null };
    out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), tag]);
  }
  return out;
}

/** Tag groups the member sees (org-wide and their own), in display order. */
export function visibleTagGroups(db: Db, orgId: string, memberId: string): Promise<TagGroupRow[]> {
  return db
    .selectFrom('customer_tag_groups')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', memberId)]))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function tagsInGroups(db: Db, orgId: string, groupIds: readonly string[]): Promise<TagRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customer_tags')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', 'in', [...groupIds])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Of these tag ids, the ones the member may see (and so may filter by, add or remove). */
export async function visibleTagIds(
  db: Db,
  orgId: string,
  memberId: string,
  tagIds: readonly string[],
): Promise<Set<string>> {
  if (tagIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('customer_tags as t')
    .innerJoin('customer_tag_groups as g', 'g.id', 't.group_id')
    .select('t.id')
    .where('t.org_id', '=', orgId)
    .where('t.id', 'in', [...tagIds])
    .where((eb) => eb.or([eb('g.owner_id', 'is', null), eb('g.owner_id', '=', memberId)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function listStages(db: Db, orgId: string): Promise<StageRow[]> {
  return db
    .selectFrom('customer_stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function listFields(db: Db, orgId: string): Promise<FieldRow[]> {
  return db
    .selectFrom('customer_fields')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** A customer's stage moves, newest first. */
export function stageMovesOf(db: Db, orgId: string, customerId: string, limit = 100): Promise<StageMoveRow[]> {
  return db
    .selectFrom('customer_stage_moves')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Live customers of the org sharing the mobile or the email (the same customer entered twice). */
export function customersWithContacts(
  db: Db,
  orgId: string,
  contacts: { mobile: string | null; email: string | null },
  exceptIds: readonly string[] = [],
): Promise<CustomerRow[]> {
  const { mobile, email } = contacts;
  if (!mobile && !email) return Promise.resolve([]);
  let query = db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where((eb) => {
      const ors = [];
      if (mobile) ors.push(eb('mobile', '=', mobile));
      if (email) ors.push(eb('email', '=', email));
      return eb.or(ors);
    });
  if (exceptIds.length > 0) query = query.where('id', 'not in', [...exceptIds]);
  return query.orderBy('created_at').orderBy('id').limit(20).execute();
}
