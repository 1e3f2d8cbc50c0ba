/** Brings back a customer deleted less than 30 days ago (needs `customer.delete` over its owner); audited. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleCustomer } from '../access.js';
import { assertReaches, customerViewer, type Viewer } from '../viewer.js';

export async function restoreCustomer(ctx: Ctx, actor: Actor, id: string): Promise<Viewer> {
  const viewer = await customerViewer(ctx, actor);
  const now = ctx.clock.now().toISOString();
  // Past the 30 days, or merged into another customer, it is not found at all. Checked before
  // the transaction, so a refusal's audit entry is kept.
  const { row, owner } = await loadVisibleCustomer(ctx, ctx.db, viewer, id, { deleted: 'only' });
  await assertReaches(ctx, viewer, 'customer.delete', owner);
  await ctx.db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('customers')
      .set({ deleted_at: null, deleted_by: null, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', row.id)
      .where('deleted_at', '=', row.deleted_at as string)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('customer');
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.restored',
      target: { type: 'customer', id: row.id, label: row.name },
      before: { deletedAt: row.deleted_at, deletedBy: row.deleted_by },
    });
  });
  ctx.bus.emit({
    type: 'customer.restored',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { customerId: id },
  });
  return viewer;
}
