/**
 * On-the-job transfer (在职继承): a supervisor moves chosen customers from their owners to
 * member B. Needs `customer.view` reaching every current owner and B. Each customer gets a
 * transfer that waits 24 hours for the customer to decline, then B takes over (a job); a
 * customer beyond B's limit is refused at once. A customer transferred the org's maximum number
 * of times in the window (default 2 in 90 days), or already waiting, stops the whole request with
 * 409 — nothing is written. The notice goes into the customer's chat with their owner when
 * they have one (`delivered`), in the same transaction.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { recordAudit } from '../../audit/record.js';
import { type LoggedEvent, publishEvents } from '../../messaging/index.js';
import { activeMembers } from '../commands/customer-writes.js';
import { postTransferNotice } from '../conversations/chat-transfer.js';
import { findCustomers, memberFacts } from '../queries.js';
import { assertReaches, customerViewer, sees } from '../viewer.js';
import { TRANSFER_DUE_JOB } from './transfer-due.js';
import { DECIDE_HOURS, loadTransferSettings } from './transfer-settings.js';
import {
  cleanTransferMessage,
  heldCount,
  incomingCount,
  insertTransfer,
  type TransferStatus,
} from './transfer-writes.js';

export type TransferCustomersInput = { customerIds: string[]; toMemberId: string; message?: string | undefined };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export async function transferCustomers(ctx: Ctx, actor: Actor, input: TransferCustomersInput): Promise<string> {
  const viewer = await customerViewer(ctx, actor);
  if (!viewer.view) await assertMay(ctx, actor, 'customer.view');
  const orgId = actor.orgId;
  const receiver = (await activeMembers(ctx.db, orgId, [input.toMemberId], 'toMemberId')).get(input.toMemberId);
  if (!receiver) throw notFound('member', { field: 'toMemberId' });
  const message = cleanTransferMessage(input.message, receiver.name);

  // Checked before the transaction, so a refusal's audit entry is kept.
  const rows = await findCustomers(ctx.db, orgId, input.customerIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const owners = await memberFacts(
    ctx.db,
    orgId,
    rows.map((r) => r.owner_id),
  );
  const missing = input.customerIds.filter((id) => {
    const row = byId.get(id);
    if (!row || row.deleted_at || row.merged_into_id) return true;
    const owner = { id: row.owner_id, departmentIds: owners.get(row.owner_id)?.departmentIds ?? [] };
    return !sees(viewer, owner, []);
  });
  if (missing.length > 0) throw notFound('customer', { field: 'customerIds', customerIds: missing });
  await assertReaches(ctx, viewer, 'customer.view', receiver);
  for (const row of rows) {
    await assertReaches(ctx, viewer, 'customer.view', {
      id: row.owner_id,
      departmentIds: owners.get(row.owner_id)?.departmentIds ?? [],
    });
  }
  const own = rows.filter((r) => r.owner_id === receiver.id).map((r) => r.id);
  if (own.length > 0) {
    throw conflict('These customers are already served by the member', { reason: 'already_owner', customerIds: own });
  }

  const now = ctx.clock.now();
  const at = now.toISOString();
  const decideBy = new Date(now.getTime() + DECIDE_HOURS * HOUR_MS).toISOString();
  const batchId = ctx.ids.next();
  const events: LoggedEvent[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    const settings = await loadTransferSettings(tx, orgId);
    const recent = await tx
      .selectFrom('customer_transfers')
      .select(['customer_id', 'status', 'requested_at'])
      .where('org_id', '=', orgId)
      .where('customer_id', 'in', input.customerIds)
      .where('status', 'in', ['waiting', 'done'])
      .where('requested_at', '>=', new Date(now.getTime() - settings.windowDays * DAY_MS).toISOString())
      .execute();
    const pending = [...new Set(recent.filter((t) => t.status === 'waiting').map((t) => t.customer_id))];
    if (pending.length > 0) {
      throw conflict('A transfer of these customers is already waiting for the customer', {
        reason: 'transfer_pending',
        customerIds: pending,
      });
    }
    const counts = new Map<string, number>();
    for (const t of recent) counts.set(t.customer_id, (counts.get(t.customer_id) ?? 0) + 1);
    const overLimit = input.customerIds.filter((id) => (counts.get(id) ?? 0) >= settings.maxTransfers);
    if (overLimit.length > 0) {
      throw conflict(
        `A customer may be transferred at most ${settings.maxTransfers} times in ${settings.windowDays} days`,
        {
          reason: 'transfer_limit',
          customerIds: overLimit,
          maxTransfers: settings.maxTransfers,
          windowDays: settings.windowDays,
        },
      );
    }
    let held = (await heldCount(tx, orgId, receiver.id)) + (await incomingCount(tx, orgId, receiver.id));
    let waiting = 0;
    for (const id of input.customerIds) {
      const row = byId.get(id);
      if (!row) continue;
      const status: TransferStatus = held >= settings.memberLimit ? 'refused' : 'waiting';
      if (status === 'waiting') {
        held++;
        waiting++;
      }
      const transferId = ctx.ids.next();
      const reason = status === 'refused' ? 'member_customer_limit' : null;
      // The customer hears of it in their chat with the owner, from the owner.
      const notice =
        status === 'waiting'
          ? await postTransferNotice(ctx, tx, {
              orgId,
              transferId,
              customerId: row.id,
              fromId: row.owner_id,
              sender: { id: row.owner_id, name: owners.get(row.owner_id)?.name ?? '' },
              body: message,
            })
          : { status: 'undelivered' as const, reason: 'refused', events: [] };
      events.push(...notice.events);
      await insertTransfer(tx, {
        id: transferId,
        org_id: orgId,
        batch_id: batchId,
        kind: 'on_the_job',
        customer_id: row.id,
        customer_name: row.name,
        from_member_id: row.owner_id,
        to_member_id: receiver.id,
        status,
        reason,
        message,
        notice_status: notice.status,
        notice_reason: notice.reason,
        requested_by: actor.memberId,
        requested_at: at,
        decide_by: status === 'waiting' ? decideBy : null,
        settled_at: status === 'refused' ? at : null,
      });
      await recordAudit(ctx, tx, {
        orgId,
        who: actor,
        action: 'customer.transfer_requested',
        target: { type: 'customer', id: row.id, label: row.name },
        after: {
          transferId,
          batchId,
          status,
          reason,
          fromMemberId: row.owner_id,
          toMemberId: receiver.id,
          message,
          notice: notice.status,
          decideBy: status === 'waiting' ? decideBy : null,
        },
      });
    }
    if (waiting > 0) {
      await enqueueJob(tx, ctx, { type: TRANSFER_DUE_JOB, orgId, payload: { batchId }, runAt: new Date(decideBy) });
    }
  });
  publishEvents(ctx, events);
  ctx.bus.emit({
    type: 'customer.transfer_requested',
    orgId,
    at,
    actorId: actor.memberId,
    data: { batchId, customerIds: input.customerIds, toMemberId: receiver.id },
  });
  return batchId;
}
