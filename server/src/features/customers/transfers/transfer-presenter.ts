/** Transfer rows → API shape, with the names of the members involved loaded once per page. */
import type { Kysely, Selectable } from 'kysely';
import type { CustomerTransferTable } from '../../../platform/db/customer-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import type { TransferOut } from './transfer-schemas.js';
import type { NoticeStatus, TransferKind, TransferStatus } from './transfer-writes.js';

type Row = Selectable<CustomerTransferTable>;

export async function presentTransfers(
  db: Kysely<Database>,
  orgId: string,
  rows: readonly Row[],
): Promise<TransferOut[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.from_member_id, r.to_member_id, r.requested_by ?? r.from_member_id]))];
  const members =
    ids.length === 0
      ? []
      : await db
          .selectFrom('members')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', ids)
          .execute();
  const names = new Map(members.map((m) => [m.id, m.name]));
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    kind: r.kind as TransferKind,
    status: r.status as TransferStatus,
    reason: r.reason,
    customer: { id: r.customer_id, name: r.customer_name },
    from: person(r.from_member_id),
    to: person(r.to_member_id),
    message: r.message,
    notice: { status: r.notice_status as NoticeStatus, reason: r.notice_reason },
    requestedBy: r.requested_by ? person(r.requested_by) : null,
    requestedAt: r.requested_at,
    decideBy: r.decide_by,
    settledAt: r.settled_at,
    followUpsMoved: Number(r.follow_ups_moved),
  }));
}
