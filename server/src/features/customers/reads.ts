/** Customer reads with the viewer's data scope applied; routes return what these present. */
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { loadVisibleCustomer } from './access.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkedFilter } from './filters.js';
import { listCustomerRows, visibleToViewer } from './list-query.js';
import { loadPresentContext } from './present-context.js';
import { presentCustomer, presentCustomerDetail } from './presenter.js';
import { stageMovesOf } from './queries.js';
import type { CustomerDetailOut, CustomerOut, ListCustomersInput } from './schemas.js';
import { customerViewer, type Viewer } from './viewer.js';

export async function listCustomers(
  ctx: Ctx,
  actor: Actor,
  input: ListCustomersInput,
): Promise<{ items: CustomerOut[]; nextCursor: string | null }> {
  const viewer = await customerViewer(ctx, actor);
  const filter = await checkedFilter(ctx, viewer, input);
  const sort = input.sort ?? 'pinyin';
  const limit = input.limit ?? 50;
  const rows = await listCustomerRows(ctx.db, ctx.dialect, viewer, {
    ...filter,
    sort,
    after: input.cursor ? decodeCursor(input.cursor) : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const pc = await loadPresentContext(ctx.db, viewer, page);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ key: sort === 'updated' ? last.updated_at : last.name_pinyin, id: last.id })
      : null;
  return { items: page.map((row) => presentCustomer(row, pc)), nextCursor };
}

export async function customerDetailFor(ctx: Ctx, viewer: Viewer, id: string): Promise<CustomerDetailOut> {
  const { row } = await loadVisibleCustomer(ctx, ctx.db, viewer, id, { deleted: 'include' });
  const [pc, moves] = await Promise.all([
    loadPresentContext(ctx.db, viewer, [row]),
    stageMovesOf(ctx.db, viewer.orgId, row.id),
  ]);
  return presentCustomerDetail(row, pc, moves);
}

export async function getCustomerDetail(ctx: Ctx, actor: Actor, id: string): Promise<CustomerDetailOut> {
  return customerDetailFor(ctx, await customerViewer(ctx, actor), id);
}

const MAX_GROUPS = 100;

type DuplicateGroup = { matchedOn: 'mobile' | 'email'; value: string; customers: CustomerOut[] };

/** Customers in the viewer's scope that share a mobile or an email, grouped by what they share. */
export async function listDuplicates(ctx: Ctx, actor: Actor): Promise<{ groups: DuplicateGroup[] }> {
  const viewer = await customerViewer(ctx, actor);
  const groups: DuplicateGroup[] = [];
  for (const column of ['mobile', 'email'] as const) {
    const shared = await ctx.db
      .selectFrom('customers')
      .select(`customers.${column} as value`)
      .where('customers.org_id', '=', viewer.orgId)
      .where('customers.deleted_at', 'is', null)
      .where(`customers.${column}`, 'is not', null)
      .where((eb) => visibleToViewer(eb, viewer))
      .groupBy(`customers.${column}`)
      .having(sql`count(*)`, '>', 1)
      .orderBy(`customers.${column}`)
      .limit(MAX_GROUPS)
      .execute();
    const values = shared.flatMap((s) => (s.value ? [s.value] : []));
    if (values.length === 0) continue;
    const rows = await ctx.db
      .selectFrom('customers')
      .selectAll('customers')
      .where('customers.org_id', '=', viewer.orgId)
      .where('customers.deleted_at', 'is', null)
      .where(`customers.${column}`, 'in', values)
      .where((eb) => visibleToViewer(eb, viewer))
      .orderBy('customers.created_at')
      .orderBy('customers.id')
      .execute();
    const pc = await loadPresentContext(ctx.db, viewer, rows);
    for (const value of values) {
      const customers = rows.filter((r) => r[column] === value).map((r) => presentCustomer(r, pc));
      const first = customers[0];
      if (first && customers.length > 1) groups.push({ matchedOn: column, value: first[column] ?? '', customers });
    }
  }
  return { groups };
}
