/**
 * Exports an analytics report as XLSX: needs data.export besides seeing customers, is audited
 * before the file is made, and names the exporter in the file, as the customer export does.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { recordAudit } from '../../audit/record.js';
import { customerViewer } from '../viewer.js';
import type { ReportLanguage } from './analytics-schemas.js';
import { type AnalyticsReport, renderReportXlsx } from './render-report-xlsx.js';
import { REPORT_LABELS } from './report-labels.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ReportFile = { filename: string; contentType: string; body: Buffer };

const FILE_NAMES: Record<AnalyticsReport['kind'], string> = {
  funnel: 'customer-funnel',
  trend: 'customer-trend',
  follow_ups: 'customer-follow-ups',
  response_time: 'customer-response-time',
};

export async function exportReport(
  ctx: Ctx,
  actor: Actor,
  make: () => Promise<AnalyticsReport>,
  filters: Record<string, unknown>,
  lang: ReportLanguage,
): Promise<ReportFile> {
  await customerViewer(ctx, actor);
  await assertMay(ctx, actor, 'data.export');
  const report = await make();
  const exportedAt = ctx.clock.now().toISOString();
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'customers.analytics_exported',
    target: null,
    after: { report: report.kind, filters, range: report.data.range, lang },
  });
  const body = await renderReportXlsx(report, {
    exportedBy: actor.name,
    exportedAt,
    range: report.data.range,
    timeZone: report.data.timeZone,
    labels: REPORT_LABELS[lang],
  });
  return { filename: `${FILE_NAMES[report.kind]}-${exportedAt.slice(0, 10)}.xlsx`, contentType: XLSX_TYPE, body };
}
