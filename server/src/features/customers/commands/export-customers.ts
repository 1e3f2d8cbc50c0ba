/**
 * Exports the customers a filter finds, within the exporter's data scope and with contacts masked
 * as the exporter would see them (needs data.export; audited before the file is made). At most
 * 20,000 customers; a larger set is cut and the file says so.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { recordAudit } from '../../audit/record.js';
import { renderCsv, renderXlsx } from '../export/render-export.js';
import { checkedFilter } from '../filters.js';
import { type ListCursor, listCustomerRows } from '../list-query.js';
import { loadPresentContext } from '../present-context.js';
import { presentCustomer } from '../presenter.js';
import type { CustomerRow } from '../queries.js';
import type { ExportCustomersInput } from '../schemas.js';
import { customerViewer } from '../viewer.js';

export const EXPORT_MAX_CUSTOMERS = 20_000;
const BATCH = 1000;

export type CustomerExport = { filename: string; contentType: string; body: Buffer; count: number; truncated: boolean };

export async function exportCustomers(ctx: Ctx, actor: Actor, input: ExportCustomersInput): Promise<CustomerExport> {
  const viewer = await customerViewer(ctx, actor);
  await assertMay(ctx, actor, 'data.export');
  const { format: requested, ...filters } = input;
  const format = requested ?? 'csv';
  const filter = await checkedFilter(ctx, viewer, filters);

  const rows: CustomerRow[] = [];
  let after: ListCursor | null = null;
  while (rows.length <= EXPORT_MAX_CUSTOMERS) {
    const limit = Math.min(BATCH, EXPORT_MAX_CUSTOMERS + 1 - rows.length);
    const page = await listCustomerRows(ctx.db, ctx.dialect, viewer, { ...filter, sort: 'pinyin', after, limit });
    rows.push(...page);
    const last = page.at(-1);
    if (!last || page.length < limit) break;
    after = { key: last.name_pinyin, id: last.id };
  }
  const truncated = rows.length > EXPORT_MAX_CUSTOMERS;
  const kept = rows.slice(0, EXPORT_MAX_CUSTOMERS);
  const exportedAt = ctx.clock.now().toISOString();
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'customers.exported',
    target: null,
    after: { format, filters, count: kept.length, truncated, contactsMasked: !viewer.contact },
  });
  ctx.bus.emit({
    type: 'customers.exported',
    orgId: actor.orgId,
    at: exportedAt,
    actorId: actor.memberId,
    data: { count: kept.length },
  });

  const customers = [];
  for (let i = 0; i < kept.length; i += BATCH) {
    const part = kept.slice(i, i + BATCH);
    const pc = await loadPresentContext(ctx.db, viewer, part);
    customers.push(...part.map((row) => presentCustomer(row, pc)));
  }
  const fields = (await loadPresentContext(ctx.db, viewer, [])).fields;
  const file = { exportedBy: { id: actor.memberId, name: actor.name }, exportedAt, customers, fields, truncated };
  const body = format === 'xlsx' ? await renderXlsx(file) : renderCsv(file);
  return {
    filename: `customers-${exportedAt.slice(0, 10)}.${format}`,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    body,
    count: kept.length,
    truncated,
  };
}
