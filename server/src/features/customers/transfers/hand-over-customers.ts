/**
 * Departure transfer (离职继承): every customer of a departing member — live and still
 * restorable ones — goes at once to a successor, to members named per customer, or spread evenly
 * over several members (no 24-hour wait, as WeCom). Open follow-ups go with them; waiting
 * transfers from or to the member are cancelled. Runs inside the offboarding's transaction, so
 * a refusal (an unknown successor, a customer left unassigned, a successor at their limit)
 * leaves nothing written. Each customer's chats with the member get the notice and go to the
 * successor. One audit entry for the step, naming every customer per successor.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import type { LoggedEvent } from '../../messaging/index.js';
import { activeMembers } from '../commands/customer-writes.js';
import { handOverChats, postTransferNotice } from '../conversations/chat-transfer.js';
import { loadTransferSettings } from './transfer-settings.js';
import {
  cancelWaitingOf,
  defaultTransferMessage,
  heldCount,
  incomingCount,
  insertTransfer,
  moveCustomer,
} from './transfer-writes.js';

export type HandOverPlan = {
  /** Takes every customer not assigned otherwise. */
  successorId?: string | undefined;
  /** Named customers to named members. */
  distribution?: { memberId: string; customerIds: string[] }[] | undefined;
  /** The customers not assigned otherwise, spread evenly over these members (in pinyin order). */
  spreadOver?: string[] | undefined;
};

export type HandOverReport = {
  batchId: string;
  total: number;
  followUps: number;
  waitingCancelled: number;
  bySuccessor: { member: { id: string; name: string }; customers: number; followUps: number }[];
  /** The customers' chats' events (notices, handovers), for the caller to publish after its commit. */
  events: LoggedEvent[];
};

type Db = Kysely<Database>;

export async function handOverCustomers(
  ctx: Pick<Ctx, 'clock' | 'ids' | 'dialect'>,
  tx: Db,
  input: {
    orgId: string;
    who: AuditWho;
    member: { id: string; name: string };
    plan: HandOverPlan;
    /** False only when the member has already left and the customers must go somewhere. */
    enforceLimit?: boolean;
  },
): Promise<HandOverReport> {
  const { orgId, member, plan } = input;
  const batchId = ctx.ids.next();
  const named = [
    ...(plan.successorId ? [plan.successorId] : []),
    ...(plan.distribution ?? []).map((d) => d.memberId),
    ...(plan.spreadOver ?? []),
  ];
  if (named.includes(member.id)) {
    throw invalid('The departing member cannot take over their own customers', {
      field: 'successorId',
      reason: 'self',
    });
  }
  const successors = await activeMembers(tx, orgId, [...new Set(named)], 'successorId');

  const waitingCancelled = await cancelWaitingOf(ctx, tx, input.who, orgId, member.id);
  const customers = await tx
    .selectFrom('customers')
    .select(['id', 'name', 'deleted_at'])
    .where('org_id', '=', orgId)
    .where('owner_id', '=', member.id)
    .where('merged_into_id', 'is', null)
    .orderBy('name_pinyin')
    .orderBy('id')
    .execute();

  const assigned = new Map<string, string>();
  const owned = new Set(customers.map((c) => c.id));
  for (const entry of plan.distribution ?? []) {
    const notOwned = entry.customerIds.filter((id) => !owned.has(id));
    if (notOwned.length > 0) {
      throw invalid('These customers are not the departing member’s', {
        field: 'distribution',
        reason: 'not_owned',
        customerIds: notOwned,
      });
    }
    const twice = entry.customerIds.filter((id) => assigned.has(id));
    if (twice.length > 0) {
      throw invalid('A customer is given to two members', {
        field: 'distribution',
        reason: 'assigned_twice',
        customerIds: twice,
      });
    }
    for (const id of entry.customerIds) assigned.set(id, entry.memberId);
  }
  const rest = customers.filter((c) => !assigned.has(c.id));
  const spread = plan.spreadOver ?? [];
  rest.forEach((c, i) => {
    const to = spread.length > 0 ? spread[i % spread.length] : plan.successorId;
    if (to) assigned.set(c.id, to);
  });
  const unassigned = customers.filter((c) => !assigned.has(c.id)).map((c) => c.id);
  if (unassigned.length > 0) {
    throw invalid('Name a successor for every customer of the departing member', {
      field: 'successorId',
      reason: 'unassigned_customers',
      customerIds: unassigned,
    });
  }

  if (input.enforceLimit !== false) {
    const settings = await loadTransferSettings(tx, orgId);
    for (const [memberId, facts] of successors) {
      const incoming = customers.filter((c) => !c.deleted_at && assigned.get(c.id) === memberId).length;
      if (incoming === 0) continue;
      const held = (await heldCount(tx, orgId, memberId)) + (await incomingCount(tx, orgId, memberId));
      if (held + incoming > settings.memberLimit) {
        throw conflict(`${facts.name} would hold more than ${settings.memberLimit} customers`, {
          reason: 'member_customer_limit',
          memberId,
          held,
          incoming,
          limit: settings.memberLimit,
        });
      }
    }
  }

  const now = ctx.clock.now().toISOString();
  const events: LoggedEvent[] = [];
  const tally = new Map<string, { customers: string[]; followUps: number }>();
  let followUps = 0;
  for (const c of customers) {
    const to = assigned.get(c.id) as string;
    const moved = (await moveCustomer(ctx, tx, { orgId, customerId: c.id, fromId: member.id, toId: to })) ?? 0;
    followUps += moved;
    const entry = tally.get(to) ?? { customers: [], followUps: 0 };
    entry.customers.push(c.id);
    entry.followUps += moved;
    tally.set(to, entry);
    const transferId = ctx.ids.next();
    const successor = { id: to, name: successors.get(to)?.name ?? '' };
    const message = defaultTransferMessage(successor.name);
    // A system line: the departing member is no longer there to say it.
    const notice = await postTransferNotice(ctx, tx, {
      orgId,
      transferId,
      customerId: c.id,
      fromId: member.id,
      sender: null,
      body: message,
    });
    events.push(...notice.events);
    events.push(
      ...(await handOverChats(ctx, tx, { orgId, customerId: c.id, from: member, to: successor, who: input.who })),
    );
    await insertTransfer(tx, {
      id: transferId,
      org_id: orgId,
      batch_id: batchId,
      kind: 'departure',
      customer_id: c.id,
      customer_name: c.name,
      from_member_id: member.id,
      to_member_id: to,
      status: 'done',
      message,
      notice_status: notice.status,
      notice_reason: notice.reason,
      requested_by: input.who.memberId ?? null,
      requested_at: now,
      decide_by: null,
      settled_at: now,
      follow_ups_moved: moved,
    });
  }
  const bySuccessor = [...tally].map(([id, t]) => ({
    member: { id, name: successors.get(id)?.name ?? '' },
    customers: t.customers.length,
    followUps: t.followUps,
  }));
  await recordAudit(ctx, tx, {
    orgId,
    who: input.who,
    action: 'customers.handed_over',
    target: { type: 'member', id: member.id, label: member.name },
    after: {
      batchId,
      total: customers.length,
      followUps,
      waitingCancelled,
      bySuccessor: [...tally].map(([id, t]) => ({ memberId: id, customerIds: t.customers, followUps: t.followUps })),
    },
  });
  return { batchId, total: customers.length, followUps, waitingCancelled, bySuccessor, events };
}
