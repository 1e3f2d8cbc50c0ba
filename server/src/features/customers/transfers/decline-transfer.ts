/**
 * The customer declines a waiting transfer within its 24 hours, and stays with their owner.
 * The customer does it from their chat (`declineTransferAsCustomer`, under their guest session:
 * only a transfer of the customer linked to that chat); a supervisor may also record it on the
 * customer's behalf (`declineTransfer`: `customer.view` reaching the customer's current owner).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { CustomerTransferTable } from '../../../platform/db/customer-tables.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { memberFacts } from '../queries.js';
import { customerViewer, reaches } from '../viewer.js';
import { auditSettled, settleTransfer } from './transfer-writes.js';

function findTransfer(ctx: Ctx, orgId: string, id: string): Promise<CustomerTransferTable | undefined> {
  return ctx.db
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function settleDeclined(ctx: Ctx, actor: Actor, t: CustomerTransferTable): Promise<void> {
  if (t.status !== 'waiting') {
    throw conflict(`The transfer is ${t.status}, no longer waiting`, { reason: 'not_waiting', status: t.status });
  }
  const now = ctx.clock.now().toISOString();
  if (t.decide_by && now > t.decide_by) {
    throw conflict('The 24 hours to decline have passed', { reason: 'decline_window_closed', decideBy: t.decide_by });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const outcome = { status: 'declined' as const, reason: 'customer_declined' };
    if (!(await settleTransfer(tx, t.org_id, t.id, { ...outcome, at: now }))) {
      throw conflict('The transfer is no longer waiting', { reason: 'not_waiting' });
    }
    await auditSettled(ctx, tx, actor, t, outcome);
  });
  ctx.bus.emit({
    type: 'customer.transfer_declined',
    orgId: t.org_id,
    at: now,
    actorId: actor.memberId,
    data: { transferId: t.id, customerId: t.customer_id },
  });
}

export async function declineTransfer(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  const t = await findTransfer(ctx, actor.orgId, id);
  if (!t) throw notFound('transfer');
  const owner = (await memberFacts(ctx.db, actor.orgId, [t.from_member_id])).get(t.from_member_id);
  if (!reaches(viewer.view, { id: t.from_member_id, departmentIds: owner?.departmentIds ?? [] })) {
    throw notFound('transfer');
  }
  await settleDeclined(ctx, actor, t);
}

/** The customers a guest session speaks for: those linked to the guest's chat. */
export async function customerIdsOfGuest(ctx: Ctx, actor: Actor): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('customer_conversations')
    .select('customer_id')
    .where('org_id', '=', actor.orgId)
    .where('guest_id', '=', actor.memberId)
    .execute();
  return rows.map((r) => r.customer_id);
}

export async function declineTransferAsCustomer(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const t = await findTransfer(ctx, actor.orgId, id);
  if (!t || !(await customerIdsOfGuest(ctx, actor)).includes(t.customer_id)) throw notFound('transfer');
  await settleDeclined(ctx, actor, t);
}
