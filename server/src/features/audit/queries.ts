/** Reads of the audit log: newest first, keyset-paginated by id (UUIDv7 sorts by time). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type AuditFilters = {
  actorId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Inclusive, ISO-8601 UTC. */
  from?: string | undefined;
  /** Exclusive, ISO-8601 UTC. */
  to?: string | undefined;
};

/** Whose entries are visible: all of the org's, or those by members of these departments and oneself. */
export type AuditVisibility = { all: true } | { all: false; departmentIds: readonly string[]; selfId: string };

export type AuditRow = Database['audit_log'];

export type AuditPageRequest = { limit: number; beforeId?: string | undefined };

export async function listAuditEntries(
  db: Kysely<Database>,
  orgId: string,
  filters: AuditFilters,
  visibility: AuditVisibility,
  page: AuditPageRequest,
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (filters.actorId) q = q.where('actor_id', '=', filters.actorId);
  if (filters.action) q = q.where('action', '=', filters.action);
  if (filters.targetType) q = q.where('target_type', '=', filters.targetType);
  if (filters.targetId) q = q.where('target_id', '=', filters.targetId);
  if (filters.from) q = q.where('at', '>=', filters.from);
  if (filters.to) q = q.where('at', '<', filters.to);
  if (page.beforeId) q = q.where('id', '<', page.beforeId);
  if (!visibility.all) {
    const { departmentIds, selfId } = visibility;
    q = q.where((eb) =>
      departmentIds.length === 0
        ? eb('actor_id', '=', selfId)
        : eb.or([
            eb('actor_id', '=', selfId),
            eb(
              'actor_id',
              'in',
              eb
                .selectFrom('member_departments')
                .select('member_id')
                .where('org_id', '=', orgId)
                .where('department_id', 'in', [...departmentIds]),
            ),
          ]),
    );
  }
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}
