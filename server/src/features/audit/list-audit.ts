/** One page of the audit log for the actor: newest first, filtered, within the actor's org. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { auditVisibility, normaliseFilters } from './access.js';
import { decodeCursor, encodeCursor } from './presenter.js';
import { type AuditFilters, type AuditRow, listAuditEntries } from './queries.js';

export type AuditListInput = AuditFilters & { limit?: number | undefined; cursor?: string | undefined };

export async function listAudit(
  ctx: Ctx,
  actor: Actor,
  input: AuditListInput,
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const visibility = await auditVisibility(ctx, actor);
  const { limit = 50, cursor, ...filters } = input;
  const beforeId = cursor ? decodeCursor(cursor) : undefined;
  const rows = await listAuditEntries(ctx.db, actor.orgId, normaliseFilters(filters), visibility, {
    limit: limit + 1,
    beforeId,
  });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor(last.id) : null };
}
