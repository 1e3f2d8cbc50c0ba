/**
 * The customer's side of a transfer, under their guest session: the transfers waiting for their
 * answer (who will serve them, until when they may decline), and declining one.
 */
import { Type } from '@sinclair/typebox';
import type { Ctx } from '../../../app/context.js';
import type { App } from '../../../http/app-type.js';
import { actorOf } from '../../../http/auth.js';
import { errorResponses, IdParams } from '../../../http/schema-helpers.js';
import { customerIdsOfGuest, declineTransferAsCustomer } from './decline-transfer.js';

const tags = ['customer transfers'];

const GuestTransfer = Type.Object({
  id: Type.String(),
  /** The notice the customer got. */
  message: Type.String(),
  from: Type.Object({ id: Type.String(), name: Type.String() }),
  to: Type.Object({ id: Type.String(), name: Type.String() }),
  decideBy: Type.String(),
});
const GuestTransferList = Type.Object({ items: Type.Array(GuestTransfer) });

async function waitingForGuest(ctx: Ctx, actor: ReturnType<typeof actorOf>) {
  const customerIds = await customerIdsOfGuest(ctx, actor);
  if (customerIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('customer_transfers as t')
    .innerJoin('members as f', 'f.id', 't.from_member_id')
    .innerJoin('members as r', 'r.id', 't.to_member_id')
    .select([
      't.id',
      't.message',
      't.decide_by',
      'f.id as from_id',
      'f.name as from_name',
      'r.id as to_id',
      'r.name as to_name',
    ])
    .where('t.org_id', '=', actor.orgId)
    .where('t.customer_id', 'in', customerIds)
    .where('t.status', '=', 'waiting')
    .where('t.decide_by', '>', ctx.clock.now().toISOString())
    .orderBy('t.requested_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    message: r.message,
    from: { id: r.from_id, name: r.from_name },
    to: { id: r.to_id, name: r.to_name },
    decideBy: r.decide_by ?? '',
  }));
}

export function guestTransferRoutes(app: App, ctx: Ctx): void {
  app.get(
    '/api/v1/guest/transfers',
    {
      config: { guest: true },
      schema: {
        tags,
        summary: 'For a customer in their chat: transfers to another member still waiting for their answer',
        response: { 200: GuestTransferList, ...errorResponses },
      },
    },
    async (req) => ({ items: await waitingForGuest(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/v1/guest/transfers/:id/decline',
    {
      config: { guest: true },
      schema: {
        tags,
        summary:
          'For a customer in their chat: decline a waiting transfer within its 24 hours and stay with the member serving them; audited',
        params: IdParams,
        response: { 200: GuestTransferList, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await declineTransferAsCustomer(ctx, actor, req.params.id);
      return { items: await waitingForGuest(ctx, actor) };
    },
  );
}
