/**
 * The customer list in SQL: the viewer's data scope, the filters (tags all of / any of / none
 * of, stage, owner, source, keyword) and keyset pagination by pinyin or by last update.
 */
import { type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Reach } from '../../authz/may.js';
import type { Dialect } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import type { CustomerRow } from './queries.js';
import type { Viewer } from './viewer.js';

type Eb = ExpressionBuilder<Database, 'customers'>;

export type CustomerSort = 'pinyin' | 'updated';
export type ListCursor = { key: string; id: string };

export type CustomerListFilter = {
  deleted: boolean;
  /** Deleted customers older than this are gone for good; only newer ones are listed. */
  deletedSince: string | null;
  /** For the deleted list: owners must also lie in this reach (customer.delete). */
  alsoReach: Reach | null;
  tagsAll: readonly string[];
  tagsAny: readonly string[];
  tagsNone: readonly string[];
  stageId?: string | undefined;
  ownerId?: string | undefined;
  source?: string | undefined;
  q?: string | undefined;
  /** Whether keyword digits may match inside mobile numbers (else only a whole number matches). */
  partialMobile: boolean;
  sort: CustomerSort;
  after: ListCursor | null;
  limit: number;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The owner lies in the reach: the member themselves or a member of one of its departments. */
export function ownerInReach(eb: Eb, reach: Reach) {
  if (reach.all) return eb.and([]);
  const ors = [eb('customers.owner_id', '=', reach.selfId)];
  if (reach.departmentIds.size > 0) {
    ors.push(
      eb(
        'customers.owner_id',
        'in',
        eb
          .selectFrom('member_departments as md')
          .select('md.member_id')
          .whereRef('md.org_id', '=', 'customers.org_id')
          .where('md.department_id', 'in', [...reach.departmentIds]),
      ),
    );
  }
  return eb.or(ors);
}

/** The viewer's data scope as a condition on `customers`. */
export function visibleToViewer(eb: Eb, viewer: Viewer) {
  if (viewer.view?.all) return eb.and([]);
  const ors = [];
  if (viewer.serve) {
    ors.push(eb('customers.owner_id', '=', viewer.memberId));
    ors.push(
      eb.exists(
        eb
          .selectFrom('customer_followers as f')
          .select('f.member_id')
          .whereRef('f.customer_id', '=', 'customers.id')
          .where('f.member_id', '=', viewer.memberId),
      ),
    );
  }
  if (viewer.view) ors.push(ownerInReach(eb, viewer.view));
  return eb.or(ors);
}

const hasTag = (eb: Eb, tagIds: readonly string[]) =>
  eb.exists(
    eb
      .selectFrom('customer_tag_links as l')
      .select('l.tag_id')
      .whereRef('l.customer_id', '=', 'customers.id')
      .where('l.tag_id', 'in', [...tagIds]),
  );

function keyword(eb: Eb, q: string, partialMobile: boolean) {
  const text = q.trim().toLowerCase();
  const contains = `%${escapeLike(text)}%`;
  const compact = escapeLike(text.replace(/\s+/g, ''));
  const ors = [
    sql<SqlBool>`lower(customers.name) like ${contains} escape '\\'`,
    sql<SqlBool>`lower(coalesce(customers.company, '')) like ${contains} escape '\\'`,
    sql<SqlBool>`customers.name_initials like ${`${compact}%`} escape '\\'`,
    sql<SqlBool>`replace(customers.name_pinyin, ' ', '') like ${`${compact}%`} escape '\\'`,
  ];
  const digits = text.replace(/[\s-]/g, '');
  if (/^\+?\d{3,}$/.test(digits)) {
    // Without the contact permission, only a whole number matches: no guessing of hidden digits.
    ors.push(
      partialMobile
        ? sql<SqlBool>`customers.mobile like ${`%${escapeLike(digits)}%`} escape '\\'`
        : sql<SqlBool>`customers.mobile = ${digits}`,
    );
  }
  return eb.or(ors);
}

/** Byte order on both stores, so SQLite and PostgreSQL page through customers identically. */
const pinyinKey = (dialect: Dialect) =>
  dialect === 'postgres' ? sql<string>`customers.name_pinyin collate "C"` : sql<string>`customers.name_pinyin`;

export function listCustomerRows(
  db: Kysely<Database>,
  dialect: Dialect,
  viewer: Viewer,
  filter: CustomerListFilter,
): Promise<CustomerRow[]> {
  let query = db
    .selectFrom('customers')
    .selectAll('customers')
    .where('customers.org_id', '=', viewer.orgId)
    .where((eb) => visibleToViewer(eb, viewer));
  if (filter.deleted) {
    query = query
      .where('customers.deleted_at', 'is not', null)
      .where('customers.merged_into_id', 'is', null)
      .where('customers.deleted_at', '>=', filter.deletedSince ?? '');
  } else query = query.where('customers.deleted_at', 'is', null);
  const alsoReach = filter.alsoReach;
  if (alsoReach) query = query.where((eb) => ownerInReach(eb, alsoReach));
  for (const tagId of filter.tagsAll) query = query.where((eb) => hasTag(eb, [tagId]));
  if (filter.tagsAny.length > 0) query = query.where((eb) => hasTag(eb, filter.tagsAny));
  if (filter.tagsNone.length > 0) query = query.where((eb) => eb.not(hasTag(eb, filter.tagsNone)));
  if (filter.stageId) query = query.where('customers.stage_id', '=', filter.stageId);
  if (filter.ownerId) query = query.where('customers.owner_id', '=', filter.ownerId);
  if (filter.source) query = query.where('customers.source', '=', filter.source);
  const q = filter.q?.trim();
  if (q) query = query.where((eb) => keyword(eb, q, filter.partialMobile));

  if (filter.sort === 'updated') {
    if (filter.after) {
      const { key, id } = filter.after;
      query = query.where(
        sql<SqlBool>`(customers.updated_at < ${key} or (customers.updated_at = ${key} and customers.id < ${id}))`,
      );
    }
    return query.orderBy('customers.updated_at', 'desc').orderBy('customers.id', 'desc').limit(filter.limit).execute();
  }
  const key = pinyinKey(dialect);
  if (filter.after) {
    const { key: after, id } = filter.after;
    query = query.where(sql<SqlBool>`(${key} > ${after} or (${key} = ${after} and customers.id > ${id}))`);
  }
  return query.orderBy(key).orderBy('customers.id').limit(filter.limit).execute();
}
