/**
 * The customers a report counts, as SQL: the viewer's data scope (the customer list's own
 * condition, so analytics never sees more than the list), not deleted, and the report's owner,
 * department and tag filters, optionally created in a range.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { visibleToViewer } from '../list-query.js';
import type { Viewer } from '../viewer.js';
import type { AnalyticsFilter } from './analytics-filter.js';

export type CreatedBounds = { since?: string; until?: string };

export function scopedCustomers(
  db: Kysely<Database>,
  viewer: Viewer,
  filter: AnalyticsFilter,
  created: CreatedBounds = {},
) {
  let query = db
    .selectFrom('customers')
    .where('customers.org_id', '=', viewer.orgId)
    .where('customers.deleted_at', 'is', null)
    .where((eb) => visibleToViewer(eb, viewer));
  if (filter.ownerId) query = query.where('customers.owner_id', '=', filter.ownerId);
  const departmentIds = filter.departmentIds;
  if (departmentIds) {
    query = query.where((eb) =>
      eb(
        'customers.owner_id',
        'in',
        eb
          .selectFrom('member_departments as md')
          .select('md.member_id')
          .where('md.org_id', '=', viewer.orgId)
          .where('md.department_id', 'in', departmentIds),
      ),
    );
  }
  const tagId = filter.tagId;
  if (tagId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_tag_links as l')
          .select('l.tag_id')
          .whereRef('l.customer_id', '=', 'customers.id')
          .where('l.tag_id', '=', tagId),
      ),
    );
  }
  if (created.since) query = query.where('customers.created_at', '>=', created.since);
  if (created.until) query = query.where('customers.created_at', '<', created.until);
  return query;
}

/** The ids of those customers, for `in (…)` conditions on moves and follow-ups. */
export const scopedCustomerIds = (db: Kysely<Database>, viewer: Viewer, filter: AnalyticsFilter) =>
  scopedCustomers(db, viewer, filter).select('customers.id');
