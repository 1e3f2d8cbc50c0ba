/**
 * Exports of the archive (archive.view within its data scope, and data.export): a search's result
 * set, newest first, or one conversation, oldest first, as CSV, JSONL, a ZIP of EML messages or a
 * printable PDF. At most 10,000 records (2,000 in a PDF); a larger set is cut and says so in the
 * file. The export is written to the audit log with its filters and count before the file is made.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { recordAudit } from '../../audit/record.js';
import { type ArchiveScope, archiveScope } from './archive-scope.js';
import { renderEmlZip } from './exports/eml-export.js';
import type { ExportFile, ExportRecord } from './exports/export-labels.js';
import { pdfFont, renderPdf } from './exports/pdf-export.js';
import { renderCsv, renderJsonl } from './exports/table-exports.js';
import { type DocRow, findDocs } from './find-docs.js';
import { presentRecords } from './present-records.js';
import { type ArchiveFilters, filtersOf, planSearch } from './search-plan.js';
import { archivedConversation, conversationDocs, presentWithMarks } from './view-conversation.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'eml', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MAX_RECORDS = 10_000;
export const PDF_MAX_RECORDS = 2_000;
const PAGE = 500;

export type ArchiveExport = { filename: string; contentType: string; body: Buffer; count: number; truncated: boolean };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  eml: 'application/zip',
  pdf: 'application/pdf',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', jsonl: 'jsonl', eml: 'zip', pdf: 'pdf' };

const capOf = (format: ExportFormat) => (format === 'pdf' ? PDF_MAX_RECORDS : EXPORT_MAX_RECORDS);

/** Checks both permissions (and the PDF font) before anything is read; returns the scope. */
async function authorise(ctx: Ctx, actor: Actor, format: ExportFormat): Promise<ArchiveScope> {
  const scope = await archiveScope(ctx, actor);
  await assertMay(ctx, actor, 'data.export');
  if (format === 'pdf') pdfFont(ctx.config.pdfFont);
  return scope;
}

async function render(ctx: Ctx, format: ExportFormat, file: ExportFile, name: string): Promise<ArchiveExport> {
  const body =
    format === 'csv'
      ? renderCsv(file)
      : format === 'jsonl'
        ? renderJsonl(file)
        : format === 'eml'
          ? await renderEmlZip(file)
          : await renderPdf(file, ctx.config.pdfFont);
  return {
    filename: `${name}-${file.exportedAt.slice(0, 10)}.${EXTENSIONS[format]}`,
    contentType: CONTENT_TYPES[format],
    body,
    count: file.records.length,
    truncated: file.truncated,
  };
}

async function presentInPages(
  docs: DocRow[],
  present: (page: DocRow[]) => Promise<ExportRecord[]>,
): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for (let i = 0; i < docs.length; i += PAGE) out.push(...(await present(docs.slice(i, i + PAGE))));
  return out;
}

export async function exportSearchResults(
  ctx: Ctx,
  actor: Actor,
  input: ArchiveFilters & { format: ExportFormat },
): Promise<ArchiveExport> {
  const scope = await authorise(ctx, actor, input.format);
  const plan = await planSearch(ctx, actor.orgId, scope, input);
  const cap = capOf(input.format);
  const docs: DocRow[] = [];
  let toId = plan.toId;
  while (docs.length <= cap) {
    const want = Math.min(PAGE, cap + 1 - docs.length);
    const page = await findDocs(ctx, { ...plan, toId, limit: want });
    docs.push(...page);
    const last = page.at(-1);
    if (!last || page.length < want) break;
    toId = last.doc_id;
  }
  const truncated = docs.length > cap;
  const kept = docs.slice(0, cap);
  const filters = filtersOf(input);
  const exportedAt = ctx.clock.now().toISOString();
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'archive.exported',
    target: null,
    after: { format: input.format, filters, records: kept.length, truncated },
  });
  const records = await presentInPages(kept, (page) => presentRecords(ctx, actor.orgId, page, plan.q));
  const file: ExportFile = {
    title: '会话存档搜索结果',
    exportedBy: { id: actor.memberId, name: actor.name },
    exportedAt,
    filters,
    records,
    truncated,
  };
  return render(ctx, input.format, file, 'archive-search');
}

export async function exportConversation(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  input: { format: ExportFormat },
): Promise<ArchiveExport> {
  const scope = await authorise(ctx, actor, input.format);
  const conversation = await archivedConversation(ctx, actor.orgId, conversationId);
  const cap = capOf(input.format);
  const { docs, more } = await conversationDocs(ctx, actor.orgId, conversationId, scope, 'newer', null, cap);
  const exportedAt = ctx.clock.now().toISOString();
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'archive.exported',
    target: { type: 'conversation', id: conversation.id, label: conversation.name },
    after: { format: input.format, conversationId, records: docs.length, truncated: more },
  });
  const records = await presentInPages(docs, (page) => presentWithMarks(ctx, actor.orgId, page, ''));
  const file: ExportFile = {
    title: `会话存档：${conversation.name}`,
    exportedBy: { id: actor.memberId, name: actor.name },
    exportedAt,
    filters: { conversationId },
    records,
    truncated: more,
  };
  return render(ctx, input.format, file, `archive-conversation-${conversationId.slice(0, 8)}`);
}
