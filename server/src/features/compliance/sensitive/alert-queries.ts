/**
 * Reads of alerts within what the reader may see: `archive.view` reaches the whole org, or the
 * senders in the reader's departments (and below, with a department-tree scope) and the reader.
 * Newest first, keyset-paginated by id (UUIDv7 sorts by time).
 */
import { type Kysely, sql } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay, type Reach, reachOf } from '../../../authz/may.js';
import { chinaDaySql } from '../../../platform/china-time.js';
import type { Database, SensitiveAlertTable } from '../../../platform/db/schema.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';

export type AlertVisibility = { all: true } | { all: false; departmentIds: readonly string[]; selfId: string };

export type AlertView = SensitiveAlertTable & {
  conversation_name: string | null;
  conversation_kind: string;
  reviewer_name: string | null;
};

export type AlertFilters = {
  status?: string | undefined;
  ruleId?: string | undefined;
  memberId?: string | undefined;
  /** Inclusive, ISO-8601 UTC. */
  from?: string | undefined;
  /** Exclusive, ISO-8601 UTC. */
  to?: string | undefined;
};

/** Whose alerts an `archive.view` reach shows. */
export function visibilityOf(reach: Reach): AlertVisibility {
  if (reach.all) return { all: true };
  return { all: false, departmentIds: [...reach.departmentIds], selfId: reach.selfId };
}

/** Checks archive.view (403, audited) and turns its scope into whose alerts are visible. */
export async function alertVisibility(ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>, actor: Actor): Promise<AlertVisibility> {
  const reach: Reach | null = await reachOf(ctx, actor, 'archive.view');
  if (!reach) {
    await assertMay(ctx, actor, 'archive.view');
    throw forbidden();
  }
  return visibilityOf(reach);
}

/** Alerts of the org matching the filters, limited to the senders the visibility covers. */
function filtered(db: Kysely<Database>, orgId: string, filters: AlertFilters, visibility: AlertVisibility) {
  let q = db.selectFrom('sensitive_alerts as a').where('a.org_id', '=', orgId);
  if (filters.status) q = q.where('a.status', '=', filters.status);
  if (filters.ruleId) q = q.where('a.rule_id', '=', filters.ruleId);
  if (filters.memberId) q = q.where('a.sender_id', '=', filters.memberId);
  if (filters.from) q = q.where('a.created_at', '>=', new Date(filters.from).toISOString());
  if (filters.to) q = q.where('a.created_at', '<', new Date(filters.to).toISOString());
  if (visibility.all) return q;
  const { departmentIds, selfId } = visibility;
  return q.where((eb) =>
    departmentIds.length === 0
      ? eb('a.sender_id', '=', selfId)
      : eb.or([
          eb('a.sender_id', '=', selfId),
          eb(
            'a.sender_id',
            'in',
            eb
              .selectFrom('member_departments')
              .select('member_departments.member_id')
              .where('member_departments.org_id', '=', orgId)
              .where('member_departments.department_id', 'in', [...departmentIds]),
          ),
        ]),
  );
}

function withViews(q: ReturnType<typeof filtered>) {
  return q
    .innerJoin('conversations as c', 'c.id', 'a.conversation_id')
    .leftJoin('members as r', 'r.id', 'a.reviewed_by')
    .selectAll('a')
    .select(['c.name as conversation_name', 'c.kind as conversation_kind', 'r.name as reviewer_name']);
}

export async function listAlertViews(
  db: Kysely<Database>,
  orgId: string,
  filters: AlertFilters,
  visibility: AlertVisibility,
  page: { limit: number; beforeId?: string | undefined },
): Promise<AlertView[]> {
  let q = withViews(filtered(db, orgId, filters, visibility));
  if (page.beforeId) q = q.where('a.id', '<', page.beforeId);
  return q.orderBy('a.id', 'desc').limit(page.limit).execute();
}

/** One alert the visibility covers, or null (missing, another org's, or outside the scope). */
export async function findVisibleAlert(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  visibility: AlertVisibility,
): Promise<AlertView | null> {
  const row = await withViews(filtered(db, orgId, {}, visibility))
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Alert counts per sender, per rule and per day (China time) within the visibility and time range. */
export async function countAlerts(
  ctx: Pick<Ctx, 'db' | 'dialect'>,
  orgId: string,
  filters: AlertFilters,
  visibility: AlertVisibility,
) {
  const base = () => filtered(ctx.db, orgId, filters, visibility);
  const byMember = await base()
    .select((eb) => ['a.sender_id as id', eb.fn.max('a.sender_name').as('name'), eb.fn.countAll<string>().as('n')])
    .groupBy('a.sender_id')
    .execute();
  const byRule = await base()
    .select((eb) => ['a.rule_id as id', eb.fn.max('a.rule_name').as('name'), eb.fn.countAll<string>().as('n')])
    .groupBy('a.rule_id')
    .execute();
  const sorted = (rows: { id: string; name: string | null; n: string | number }[]) =>
    rows
      .map((r) => ({ id: r.id, name: r.name ?? '', count: Number(r.n) }))
      .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
  const day = chinaDaySql(ctx.dialect, sql`a.created_at`);
  const byDay = await base()
    .select((eb) => [day.as('day'), eb.fn.countAll<string>().as('n')])
    .groupBy(day)
    .orderBy(day)
    .execute();
  const members = sorted(byMember);
  return {
    total: members.reduce((sum, m) => sum + m.count, 0),
    byMember: members,
    byRule: sorted(byRule),
    byDay: byDay.map((d) => ({ day: d.day, count: Number(d.n) })),
  };
}

export const encodeAlertCursor = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

/** The id a cursor carries; a cursor this server did not make is refused with a 400. */
export function decodeAlertCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw invalid('The cursor is not valid', { field: 'cursor' });
  return id;
}
