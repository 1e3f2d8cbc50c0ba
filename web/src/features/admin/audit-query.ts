/** Turns the audit filter form into the query both the list and the CSV export understand. */

export type AuditFilters = {
  actorId?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
  /** Start and end of the period, as Date (or anything with toISOString). */
  range?: readonly [{ toISOString(): string } | null | undefined, { toISOString(): string } | null | undefined] | null;
};

export type AuditQuery = {
  actorId?: string;
  action?: string;
  targetId?: string;
  from?: string;
  to?: string;
};

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Only the filters that are set; blank texts and open range ends are left out. */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  const actorId = clean(filters.actorId);
  const action = clean(filters.action);
  const targetId = clean(filters.targetId);
  if (actorId) query.actorId = actorId;
  if (action) query.action = action;
  if (targetId) query.targetId = targetId;
  const [from, to] = filters.range ?? [];
  if (from) query.from = from.toISOString();
  if (to) query.to = to.toISOString();
  return query;
}

/** The query string (without "?") for the export download. */
export function auditSearchParams(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.toString();
}
