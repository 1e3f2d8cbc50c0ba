/**
 * Exports the audit log as CSV (at most 100,000 rows). The export is itself recorded first,
 * and rows are read in pages below that entry's id, so the file is a stable snapshot.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { auditVisibility, normaliseFilters } from '../access.js';
import { csvRow, UTF8_BOM } from '../csv.js';
import { type AuditFilters, type AuditRow, listAuditEntries } from '../queries.js';
import { recordAudit } from '../record.js';

export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const BATCH = 1000;

export const AUDIT_CSV_HEADER = [
  '时间',
  '操作人',
  '操作人类型',
  '动作',
  '对象类型',
  '对象',
  '对象名称',
  '地址',
  '客户端',
  '变更前',
  '变更后',
] as const;

const toCells = (row: AuditRow) => [
  row.at,
  row.actor_name,
  row.actor_kind,
  row.action,
  row.target_type,
  row.target_id,
  row.target_label,
  row.ip,
  row.user_agent,
  row.before,
  row.after,
];

export type AuditExport = { filename: string; chunks: AsyncGenerator<string> };

export async function exportAudit(ctx: Ctx, actor: Actor, input: AuditFilters): Promise<AuditExport> {
  const visibility = await auditVisibility(ctx, actor);
  await assertMay(ctx, actor, 'data.export');
  const filters = normaliseFilters(input);
  const exportId = ctx.ids.next();
  const now = ctx.clock.now().toISOString();
  const recorded = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  await recordAudit(ctx, ctx.db, {
    id: exportId,
    orgId: actor.orgId,
    who: actor,
    action: 'audit.exported',
    target: null,
    after: { filters: recorded, maxRows: AUDIT_EXPORT_MAX_ROWS },
  });
  ctx.bus.emit({ type: 'audit.exported', orgId: actor.orgId, at: now, actorId: actor.memberId, data: recorded });

  async function* chunks(): AsyncGenerator<string> {
    yield UTF8_BOM + csvRow(AUDIT_CSV_HEADER);
    let beforeId = exportId;
    let written = 0;
    while (written < AUDIT_EXPORT_MAX_ROWS) {
      const limit = Math.min(BATCH, AUDIT_EXPORT_MAX_ROWS - written);
      const rows = await listAuditEntries(ctx.db, actor.orgId, filters, visibility, { limit, beforeId });
      if (rows.length === 0) return;
      yield rows.map((row) => csvRow(toCells(row))).join('');
      written += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < limit) return;
      beforeId = last.id;
    }
  }
  return { filename: `audit-${now.slice(0, 10)}.csv`, chunks: chunks() };
}
