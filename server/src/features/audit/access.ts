/** Who sees which audit entries, and filter normalisation shared by listing and export. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay, reachOf } from '../../authz/may.js';
import type { AuditFilters, AuditVisibility } from './queries.js';

/** Checks audit.view and turns its data scope into the set of actors whose entries are visible. */
export async function auditVisibility(ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>, actor: Actor): Promise<AuditVisibility> {
  await assertMay(ctx, actor, 'audit.view');
  const reach = await reachOf(ctx, actor, 'audit.view');
  if (!reach || reach.all) return { all: true };
  return { all: false, departmentIds: [...reach.departmentIds], selfId: reach.selfId };
}

/** Times are compared as stored (ISO-8601 UTC), so any offset in the query is normalised first. */
export function normaliseFilters(filters: AuditFilters): AuditFilters {
  const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
  return { ...filters, from: iso(filters.from), to: iso(filters.to) };
}
