/**
 * The customer declines a waiting transfer within its 24 hours, and stays with their owner.
 * Customers cannot sign in yet (a later slice links them to guest sessions and lets them call
 * this themselves), so for now a supervisor records it on the customer's behalf: it needs
 * `customer.view` reaching the customer's current owner.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { memberFacts } from '../queries.js';
import { customerViewer, reaches } from '../viewer.js';
import { auditSettled, settleTransfer } from './transfer-writes.js';

export async function declineTransfer(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const viewer = await customerViewer(ctx, actor);
  const orgId = actor.orgId;
  const t = await ctx.db
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t) throw notFound('transfer');
  const owner = (await memberFacts(ctx.db, orgId, [t.from_member_id])).get(t.from_member_id);
  if (!reaches(viewer.view, { id: t.from_member_id, departmentIds: owner?.departmentIds ?? [] })) {
    throw notFound('transfer');
  }
  if (t.status !== 'waiting') {
    throw conflict(`The transfer is ${t.status}, no longer waiting`, { reason: 'not_waiting', status: t.status });
  }
  const now = ctx.clock.now().toISOString();
  if (t.decide_by && now > t.decide_by) {
    throw conflict('The 24 hours to decline have passed', { reason: 'decline_window_closed', decideBy: t.decide_by });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const outcome = { status: 'declined' as const, reason: 'customer_declined' };
    if (!(await settleTransfer(tx, orgId, t.id, { ...outcome, at: now }))) {
      throw conflict('The transfer is no longer waiting', { reason: 'not_waiting' });
    }
    await auditSettled(ctx, tx, actor, t, outcome);
  });
  ctx.bus.emit({
    type: 'customer.transfer_declined',
    orgId,
    at: now,
    actorId: actor.memberId,
    data: { transferId: t.id, customerId: t.customer_id },
  });
}
