/**
 * The writes every kind of transfer shares, inside the caller's transaction: moving a customer
 * (owner and open follow-ups; their chats and customer groups move beside it, see
 * transfer-due.ts), recording a transfer, settling a waiting one, and counting what a member holds.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { CustomerTransferTable } from '../../../platform/db/customer-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import { hasControlCharacters } from '../../directory/index.js';

type Db = Kysely<Database>;

export const TRANSFER_KINDS = ['on_the_job', 'departure'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_STATUSES = ['waiting', 'done', 'declined', 'refused', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const NOTICE_STATUSES = ['delivered', 'undelivered'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const MESSAGE_MAX = 200;

/** Who settles transfers nobody acted on (the 24-hour expiry). */
export const SYSTEM: AuditWho = {
  kind: 'system',
  memberId: null,
  name: null,
  meta: { ip: null, userAgent: null, requestId: null },
};

/** The notice the customer gets when none was written: 「您好，后续将由 B 为您服务」. */
export function defaultTransferMessage(receiverName: string): string {
  return `您好，后续将由 ${receiverName} 为您服务`;
}

/** The notice, trimmed, 1–200 characters on one or more lines; the default when left out. */
export function cleanTransferMessage(value: string | undefined, receiverName: string): string {
  if (value === undefined) return defaultTransferMessage(receiverName);
  const text = value.trim();
  if (!text) throw invalid('Write the message the customer will get', { field: 'message', reason: 'required' });
  if ([...text].length > MESSAGE_MAX) {
    throw invalid(`The message is longer than ${MESSAGE_MAX} characters`, { field: 'message', reason: 'too_long' });
  }
  if (hasControlCharacters(text, true)) {
    throw invalid('The message contains control characters', { field: 'message', reason: 'control_characters' });
  }
  return text;
}

/** Live customers the member owns (deleted and merged ones do not count toward the limit). */
export async function heldCount(db: Db, orgId: string, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('owner_id', '=', memberId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Customers on their way to the member (waiting transfers), held for them against the limit. */
export async function incomingCount(db: Db, orgId: string, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('customer_transfers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('to_member_id', '=', memberId)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Gives the customer to `toId` if `fromId` still owns it: the owner changes, the receiver stops
 * being a co-follower (an owner never is one), and open follow-ups (a next date still ahead)
 * are assigned to the receiver so their reminders reach them. Returns the follow-ups moved, or
 * null when the owner changed meanwhile.
 */
export async function moveCustomer(
  ctx: Pick<Ctx, 'clock'>,
  tx: Db,
  move: { orgId: string; customerId: string; fromId: string; toId: string },
): Promise<number | null> {
  const now = ctx.clock.now().toISOString();
  const moved = await tx
    .updateTable('customers')
    .set({ owner_id: move.toId, updated_at: now })
    .where('org_id', '=', move.orgId)
    .where('id', '=', move.customerId)
    .where('owner_id', '=', move.fromId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return null;
  await tx
    .deleteFrom('customer_followers')
    .where('org_id', '=', move.orgId)
    .where('customer_id', '=', move.customerId)
    .where('member_id', '=', move.toId)
    .execute();
  const followUps = await tx
    .updateTable('customer_follow_ups')
    .set({ assignee_id: move.toId })
    .where('org_id', '=', move.orgId)
    .where('customer_id', '=', move.customerId)
    .where('next_at', '>', now)
    .executeTakeFirst();
  return Number(followUps.numUpdatedRows);
}

export type NewTransfer = Omit<CustomerTransferTable, 'settled_at' | 'follow_ups_moved' | 'reason'> & {
  reason?: string | null;
  settled_at?: string | null;
  follow_ups_moved?: number;
};

export async function insertTransfer(tx: Db, row: NewTransfer): Promise<void> {
  await tx
    .insertInto('customer_transfers')
    .values({ reason: null, settled_at: null, follow_ups_moved: 0, ...row })
    .execute();
}

/** Ends a waiting transfer; false when it was no longer waiting (someone settled it first). */
export async function settleTransfer(
  tx: Db,
  orgId: string,
  id: string,
  outcome: { status: Exclude<TransferStatus, 'waiting'>; reason: string | null; at: string; followUps?: number },
): Promise<boolean> {
  const done = await tx
    .updateTable('customer_transfers')
    .set({
      status: outcome.status,
      reason: outcome.reason,
      settled_at: outcome.at,
      follow_ups_moved: outcome.followUps ?? 0,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

const SETTLED_ACTION = {
  done: 'customer.transfer_completed',
  declined: 'customer.transfer_declined',
  refused: 'customer.transfer_refused',
  cancelled: 'customer.transfer_cancelled',
} as const;

/** The audit entry of a transfer reaching an end. */
export function auditSettled(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Db,
  who: AuditWho,
  t: Pick<CustomerTransferTable, 'id' | 'org_id' | 'customer_id' | 'customer_name' | 'from_member_id' | 'to_member_id'>,
  outcome: { status: Exclude<TransferStatus, 'waiting'>; reason: string | null; followUps?: number },
): Promise<void> {
  return recordAudit(ctx, tx, {
    orgId: t.org_id,
    who,
    action: SETTLED_ACTION[outcome.status],
    target: { type: 'customer', id: t.customer_id, label: t.customer_name },
    before: { transferId: t.id, status: 'waiting' },
    after: {
      transferId: t.id,
      status: outcome.status,
      reason: outcome.reason,
      fromMemberId: t.from_member_id,
      toMemberId: t.to_member_id,
      ...(outcome.followUps === undefined ? {} : { followUpsMoved: outcome.followUps }),
    },
  });
}

/**
 * Cancels the waiting transfers from or to a member who leaves (their customers are handed
 * over instead, or stay with their owner). Returns how many were cancelled.
 */
export async function cancelWaitingOf(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Db,
  who: AuditWho,
  orgId: string,
  memberId: string,
): Promise<number> {
  const rows = await tx
    .selectFrom('customer_transfers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'waiting')
    .where((eb) => eb.or([eb('from_member_id', '=', memberId), eb('to_member_id', '=', memberId)]))
    .execute();
  const at = ctx.clock.now().toISOString();
  let cancelled = 0;
  for (const t of rows) {
    const reason = t.from_member_id === memberId ? 'owner_departed' : 'receiver_departed';
    if (!(await settleTransfer(tx, orgId, t.id, { status: 'cancelled', reason, at }))) continue;
    await auditSettled(ctx, tx, who, t, { status: 'cancelled', reason });
    cancelled++;
  }
  return cancelled;
}
