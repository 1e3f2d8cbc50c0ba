/**
 * Transfers a viewer may see: those from or to members inside their `customer.view` reach, and
 * with `customer.serve` their own (from or to them). Newest first, by id.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Reach } from '../../../authz/may.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { customerViewer, type Viewer } from '../viewer.js';
import { presentTransfers } from './transfer-presenter.js';
import type { ListTransfersInput, TransferOut } from './transfer-schemas.js';

type Eb = ExpressionBuilder<Database, 'customer_transfers'>;

function memberInReach(eb: Eb, column: 'from_member_id' | 'to_member_id', reach: Reach) {
  if (reach.all) return eb.and([]);
  const ors = [eb(`customer_transfers.${column}`, '=', reach.selfId)];
  if (reach.departmentIds.size > 0) {
    ors.push(
      eb(
        `customer_transfers.${column}`,
        'in',
        eb
          .selectFrom('member_departments as md')
          .select('md.member_id')
          .whereRef('md.org_id', '=', 'customer_transfers.org_id')
          .where('md.department_id', 'in', [...reach.departmentIds]),
      ),
    );
  }
  return eb.or(ors);
}

function visibleTransfer(eb: Eb, viewer: Viewer) {
  const ors = [];
  if (viewer.view) {
    ors.push(memberInReach(eb, 'from_member_id', viewer.view), memberInReach(eb, 'to_member_id', viewer.view));
  }
  if (viewer.serve) {
    ors.push(eb('customer_transfers.from_member_id', '=', viewer.memberId));
    ors.push(eb('customer_transfers.to_member_id', '=', viewer.memberId));
  }
  return eb.or(ors);
}

const decodeCursor = (cursor: string): string => {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw invalid('The cursor is not valid', { field: 'cursor' });
  return id;
};

export async function listTransfers(
  ctx: Ctx,
  actor: Actor,
  input: ListTransfersInput,
): Promise<{ items: TransferOut[]; nextCursor: string | null }> {
  const viewer = await customerViewer(ctx, actor);
  const limit = input.limit ?? 50;
  let query = ctx.db
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', viewer.orgId)
    .where((eb) => visibleTransfer(eb, viewer));
  if (input.status) query = query.where('status', '=', input.status);
  if (input.kind) query = query.where('kind', '=', input.kind);
  if (input.customerId) query = query.where('customer_id', '=', input.customerId);
  if (input.batchId) query = query.where('batch_id', '=', input.batchId);
  const memberId = input.memberId;
  if (memberId) {
    query = query.where((eb) => eb.or([eb('from_member_id', '=', memberId), eb('to_member_id', '=', memberId)]));
  }
  if (input.cursor) query = query.where('id', '<', decodeCursor(input.cursor));
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await presentTransfers(ctx.db, viewer.orgId, page),
    nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}

/** Every transfer of one request, for the one who made it (right after, so no scope to apply). */
export async function transfersOfBatch(ctx: Ctx, orgId: string, batchId: string): Promise<TransferOut[]> {
  const rows = await ctx.db
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .orderBy('id')
    .execute();
  return presentTransfers(ctx.db, orgId, rows);
}

/** One transfer, for a caller that has already checked the viewer may see it. */
export async function transferById(ctx: Ctx, orgId: string, id: string): Promise<TransferOut> {
  const rows = await ctx.db
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  const [out] = await presentTransfers(ctx.db, orgId, rows);
  if (!out) throw notFound('transfer');
  return out;
}
