/**
 * The end of a transfer's 24 hours: the `customers.transfer_due` job, queued per request for its
 * decide-by time, hands each customer still waiting to the receiver — unless the receiver left
 * or was disabled, the customer was deleted or changed owner meanwhile (cancelled), or the
 * receiver reached their customer limit (refused). A customer taken over brings their chats (the
 * receiver joins them and the former owner leaves) and the customer groups the former owner ran
 * with them in it (the receiver becomes the owner; the former owner stays a member). Each transfer settles in its own transaction
 * and only from `waiting`, so a run repeated after a crash changes nothing twice.
 */
import type { Ctx } from '../../../app/context.js';
import { handOverGroup, type LoggedEvent, publishEvents } from '../../messaging/index.js';
import { handOverChats, peopleNamed } from '../conversations/chat-transfer.js';
import { customerGroupsOwnedBy } from './customer-groups-of.js';
import { loadTransferSettings } from './transfer-settings.js';
import {
  auditSettled,
  heldCount,
  moveCustomer,
  SYSTEM,
  settleTransfer,
  type TransferStatus,
} from './transfer-writes.js';

export const TRANSFER_DUE_JOB = 'customers.transfer_due';

type Outcome = { status: Exclude<TransferStatus, 'waiting'>; reason: string | null; followUps?: number };

export async function runTransferDue(ctx: Ctx, orgId: string | null, payload: Record<string, unknown>): Promise<void> {
  const batchId = payload.batchId;
  if (typeof batchId !== 'string' || !orgId) return;
  const now = ctx.clock.now().toISOString();
  const due = await ctx.db
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .where('status', '=', 'waiting')
    .where('decide_by', '<=', now)
    .orderBy('id')
    .execute();
  const completed: string[] = [];
  for (const t of due) {
    const events: LoggedEvent[] = [];
    const outcome = await ctx.db
      .transaction()
      .execute(async (tx): Promise<Outcome | null> => {
        const [customer, receiver, settings] = await Promise.all([
          tx
            .selectFrom('customers')
            .select(['owner_id', 'deleted_at'])
            .where('org_id', '=', orgId)
            .where('id', '=', t.customer_id)
            .executeTakeFirst(),
          tx
            .selectFrom('members')
            .select('status')
            .where('org_id', '=', orgId)
            .where('id', '=', t.to_member_id)
            .executeTakeFirst(),
          loadTransferSettings(tx, orgId),
        ]);
        let outcome: Outcome;
        if (!customer || customer.deleted_at) outcome = { status: 'cancelled', reason: 'customer_deleted' };
        else if (customer.owner_id !== t.from_member_id) outcome = { status: 'cancelled', reason: 'owner_changed' };
        else if (receiver?.status !== 'active') outcome = { status: 'cancelled', reason: 'receiver_inactive' };
        else if ((await heldCount(tx, orgId, t.to_member_id)) >= settings.memberLimit) {
          outcome = { status: 'refused', reason: 'member_customer_limit' };
        } else {
          const followUps = await moveCustomer(ctx, tx, {
            orgId,
            customerId: t.customer_id,
            fromId: t.from_member_id,
            toId: t.to_member_id,
          });
          outcome =
            followUps === null
              ? { status: 'cancelled', reason: 'owner_changed' }
              : { status: 'done', reason: null, followUps };
          if (followUps !== null) {
            const people = await peopleNamed(tx, orgId, [t.from_member_id, t.to_member_id]);
            const person = (id: string) => people.get(id) ?? { id, name: '' };
            events.push(
              ...(await handOverChats(ctx, tx, {
                orgId,
                customerId: t.customer_id,
                from: person(t.from_member_id),
                to: person(t.to_member_id),
                who: SYSTEM,
              })),
            );
            for (const group of await customerGroupsOwnedBy(tx, orgId, t.customer_id, t.from_member_id)) {
              events.push(
                ...(await handOverGroup(ctx, tx, {
                  orgId,
                  conversationId: group.id,
                  from: person(t.from_member_id),
                  to: person(t.to_member_id),
                  who: SYSTEM,
                })),
              );
            }
          }
        }
        // Declined a moment ago, or settled by an earlier run: leave it (and undo the move).
        if (!(await settleTransfer(tx, orgId, t.id, { ...outcome, at: now }))) throw new SettledMeanwhile();
        await auditSettled(ctx, tx, SYSTEM, t, outcome);
        return outcome;
      })
      .catch((err: unknown) => {
        if (err instanceof SettledMeanwhile) return null;
        throw err;
      });
    if (outcome?.status === 'done') completed.push(t.customer_id);
    if (outcome) publishEvents(ctx, events);
  }
  if (completed.length > 0) {
    ctx.bus.emit({
      type: 'customer.transferred',
      orgId,
      at: now,
      actorId: null,
      data: { batchId, customerIds: completed, kind: 'on_the_job' },
    });
  }
}

class SettledMeanwhile extends Error {}
