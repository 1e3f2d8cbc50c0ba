/**
 * The analytics reports as XLSX workbooks, with the same library as the customer export. Each
 * sheet opens with a line naming the exporter, the time and the range (the file carries who took
 * it), then a bold header and the rows; rates are numbers shown as percentages.
 */
import ExcelJS from 'exceljs';
import type { FollowUpStatsOut, FunnelOut, ResponseTimeStatsOut, TrendOut } from './analytics-schemas.js';
import type { ReportLabels } from './report-labels.js';

export type ReportFileMeta = {
  exportedBy: string;
  exportedAt: string;
  range: { from: string | null; to: string | null };
  timeZone: string;
  labels: ReportLabels;
};

export type AnalyticsReport =
  | { kind: 'funnel'; data: FunnelOut }
  | { kind: 'trend'; data: TrendOut }
  | { kind: 'follow_ups'; data: FollowUpStatsOut }
  | { kind: 'response_time'; data: ResponseTimeStatsOut };

type Cell = string | number | null;

function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  meta: ReportFileMeta,
  header: readonly string[],
  rows: Cell[][],
) {
  const { labels } = meta;
  const sheet = book.addWorksheet(name);
  const range = `${meta.range.from ?? labels.meta.all} ~ ${meta.range.to ?? labels.meta.all}`;
  sheet.addRow([
    labels.meta.exportedBy,
    meta.exportedBy,
    labels.meta.exportedAt,
    meta.exportedAt,
    labels.meta.range,
    range,
    labels.meta.timeZone,
    meta.timeZone,
  ]);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return sheet;
}

function funnelSheet(book: ExcelJS.Workbook, meta: ReportFileMeta, data: FunnelOut) {
  const { funnel } = meta.labels;
  const rows = [...data.steps, ...data.lost].map((s) => [
    s.name,
    funnel.kinds[s.kind],
    s.reached,
    s.current,
    s.fromPrevious,
    s.fromFirst,
  ]);
  const sheet = addSheet(book, funnel.sheet, meta, funnel.headers, rows);
  for (const col of [5, 6]) sheet.getColumn(col).numFmt = '0.00%';
}

function trendSheet(book: ExcelJS.Workbook, meta: ReportFileMeta, data: TrendOut) {
  const { trend, total } = meta.labels;
  const rows: Cell[][] = data.buckets.map((b) => [b.start, b.new, b.lost]);
  rows.push([total, data.totals.new, data.totals.lost]);
  addSheet(book, trend.sheet, meta, [trend.period[data.interval], ...trend.headers], rows);
}

function followUpSheets(book: ExcelJS.Workbook, meta: ReportFileMeta, data: FollowUpStatsOut) {
  const { followUps, total } = meta.labels;
  const kindHeaders = [...data.kinds.map((k) => followUps.kinds[k]), total];
  const counts = (c: FollowUpStatsOut['totals']) => [...data.kinds.map((k) => c[k]), c.total];
  const memberRows: Cell[][] = data.byMember.map((m) => [m.name, m.departmentName, ...counts(m)]);
  memberRows.push([total, '', ...counts(data.totals)]);
  addSheet(book, followUps.memberSheet, meta, [followUps.member, followUps.department, ...kindHeaders], memberRows);
  const departmentRows: Cell[][] = data.byDepartment.map((d) => [d.name, ...counts(d)]);
  departmentRows.push([total, ...counts(data.totals)]);
  addSheet(book, followUps.departmentSheet, meta, [followUps.department, ...kindHeaders], departmentRows);
}

function responseTimeSheets(book: ExcelJS.Workbook, meta: ReportFileMeta, data: ResponseTimeStatsOut) {
  const { responseTime: labels, total } = meta.labels;
  const counts = (c: ResponseTimeStatsOut['totals']) => [
    c.messages,
    c.answered,
    c.medianMinutes,
    c.p90Minutes,
    c.overdue,
  ];
  const rows: Cell[][] = data.byMember.map((m) => [m.name, m.departmentName, ...counts(m)]);
  rows.push([total, '', ...counts(data.totals)]);
  addSheet(book, labels.memberSheet, meta, labels.headers, rows);
  const buckets: Cell[][] = data.distribution.map((d) => [labels.buckets[d.bucket], d.count]);
  addSheet(book, labels.distributionSheet, meta, labels.distributionHeaders, buckets);
}

export async function renderReportXlsx(report: AnalyticsReport, meta: ReportFileMeta): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = meta.exportedBy;
  book.created = new Date(meta.exportedAt);
  if (report.kind === 'funnel') funnelSheet(book, meta, report.data);
  else if (report.kind === 'trend') trendSheet(book, meta, report.data);
  else if (report.kind === 'follow_ups') followUpSheets(book, meta, report.data);
  else responseTimeSheets(book, meta, report.data);
  return Buffer.from(await book.xlsx.writeBuffer());
}
