/**
 * Soft-deletes a customer (needs `customer.delete` over its owner; ordinary members do not hold
 * it). The customer disappears from lists and can be restored for 30 days; audited.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleCustomer } from '../access.js';
import { assertReaches, customerViewer } from '../viewer.js';
import { auditSnapshot } from './customer-writes.js';

export async function deleteCustomer(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  const now = ctx.clock.now().toISOString();
  // Checked before the transaction, so a refusal's audit entry is kept.
  const { row, owner } = await loadVisibleCustomer(ctx, ctx.db, viewer, id);
  await assertReaches(ctx, viewer, 'customer.delete', owner);
  await ctx.db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('customers')
      .set({ deleted_at: now, deleted_by: actor.memberId, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('customer');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.deleted',
      target: { type: 'customer', id: row.id, label: row.name },
      before: auditSnapshot(row),
    });
  });
  ctx.bus.emit({
    type: 'customer.deleted',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { customerId: id },
  });
}
