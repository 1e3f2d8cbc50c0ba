/**
 * A member who departs through the directory's plain depart (not the offboarding, which hands
 * their customers over in its own transaction) must not leave customers without an owner: they
 * go to the successor named in `member.departed`, else to whoever departed the member, limits
 * notwithstanding — a departure cannot be refused after the fact.
 */
import type { Ctx } from '../../../app/context.js';
import type { DomainEvent } from '../../../platform/bus.js';
import { publishEvents } from '../../messaging/index.js';
import { handOverCustomers } from './hand-over-customers.js';
import { SYSTEM } from './transfer-writes.js';

export function registerCustomerHandlers(ctx: Ctx): () => void {
  return ctx.bus.on('member.departed', (event) => onMemberDeparted(ctx, event));
}

export async function onMemberDeparted(ctx: Ctx, event: DomainEvent): Promise<void> {
  const memberId = event.data.memberId;
  if (typeof memberId !== 'string') return;
  const orgId = event.orgId;
  const candidates = [event.data.successorId, event.actorId].filter(
    (id): id is string => typeof id === 'string' && id !== memberId,
  );
  const events = await ctx.db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('members')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', '=', memberId)
      .where('status', '=', 'departed')
      .executeTakeFirst();
    if (!member) return [];
    const left = await tx
      .selectFrom('customers')
      .select('id')
      .where('org_id', '=', orgId)
      .where('owner_id', '=', memberId)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    const waiting = await tx
      .selectFrom('customer_transfers')
      .select('id')
      .where('org_id', '=', orgId)
      .where('status', '=', 'waiting')
      .where((eb) => eb.or([eb('from_member_id', '=', memberId), eb('to_member_id', '=', memberId)]))
      .executeTakeFirst();
    if (!left && !waiting) return [];
    const successor = candidates.length
      ? await tx
          .selectFrom('members')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', 'in', candidates)
          .where('status', '=', 'active')
          .where('kind', '=', 'staff')
          .execute()
      : [];
    const to = candidates.find((id) => successor.some((s) => s.id === id));
    if (left && !to) {
      ctx.log.warn({ orgId, memberId }, 'a departed member’s customers have no active successor to go to');
      return [];
    }
    const report = await handOverCustomers(ctx, tx, {
      orgId,
      who: SYSTEM,
      member,
      plan: { successorId: to },
      enforceLimit: false,
    });
    return report.events;
  });
  publishEvents(ctx, events);
}
