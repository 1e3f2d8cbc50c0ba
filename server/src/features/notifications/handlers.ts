/**
 * Turns other features' events into notifications for the member they concern: a to-do coming
 * due, a customer follow-up date reached, customers handed over after a transfer's 24 hours, a
 * customer declining a transfer, a customer waiting past the reply target. Only active staff members are notified.
 */
import type { Ctx } from '../../app/context.js';
import type { DomainEvent } from '../../platform/bus.js';
import { onMassMessageNotice } from './mass-message-notices.js';
import { type NewNotification, notify } from './notify.js';

const EXCERPT_MAX = 60;
const NAMES_SHOWN = 3;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

async function activeStaff(ctx: Ctx, orgId: string, memberIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .where('kind', '=', 'staff')
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function notifyActive(ctx: Ctx, list: NewNotification[]): Promise<void> {
  const first = list[0];
  if (!first) return;
  const active = await activeStaff(
    ctx,
    first.orgId,
    list.map((n) => n.memberId),
  );
  for (const n of list) if (active.has(n.memberId)) await notify(ctx, n);
}

async function onTodoReminder(ctx: Ctx, e: DomainEvent): Promise<void> {
  const todoId = str(e.data.todoId);
  const memberId = str(e.data.memberId);
  const conversationId = str(e.data.conversationId);
  const messageId = str(e.data.messageId);
  if (!todoId || !memberId || !conversationId || !messageId) return;
  const message = await ctx.db
    .selectFrom('messages')
    .select(['body', 'recalled_at'])
    .where('org_id', '=', e.orgId)
    .where('id', '=', messageId)
    .executeTakeFirst();
  const excerpt = message && !message.recalled_at ? [...message.body].slice(0, EXCERPT_MAX).join('') : '';
  await notifyActive(ctx, [
    {
      orgId: e.orgId,
      memberId,
      kind: 'todo_due',
      data: { conversationId, excerpt, dueAt: str(e.data.dueAt) },
      link: `/messages/${conversationId}`,
      dedupeKey: `todo:${todoId}:${str(e.data.dueAt) ?? ''}`,
    },
  ]);
}

async function onFollowUpDue(ctx: Ctx, e: DomainEvent): Promise<void> {
  const followUpId = str(e.data.followUpId);
  const memberId = str(e.data.memberId);
  const customerId = str(e.data.customerId);
  if (!followUpId || !memberId || !customerId) return;
  await notifyActive(ctx, [
    {
      orgId: e.orgId,
      memberId,
      kind: 'follow_up_due',
      data: { customerId, customerName: str(e.data.customerName) ?? '', nextAt: str(e.data.nextAt) ?? '' },
      link: `/customers/${customerId}`,
      dedupeKey: `follow_up:${followUpId}`,
    },
  ]);
}

/** The receivers of a batch's completed transfers, each told how many customers are now theirs. */
async function onCustomersTransferred(ctx: Ctx, e: DomainEvent): Promise<void> {
  const batchId = str(e.data.batchId);
  const customerIds = Array.isArray(e.data.customerIds)
    ? e.data.customerIds.filter((id) => typeof id === 'string')
    : [];
  if (!batchId || customerIds.length === 0) return;
  const rows = await ctx.db
    .selectFrom('customer_transfers')
    .select(['to_member_id', 'customer_name'])
    .where('org_id', '=', e.orgId)
    .where('batch_id', '=', batchId)
    .where('customer_id', 'in', customerIds)
    .where('status', '=', 'done')
    .orderBy('customer_name')
    .execute();
  const byReceiver = new Map<string, string[]>();
  for (const r of rows) byReceiver.set(r.to_member_id, [...(byReceiver.get(r.to_member_id) ?? []), r.customer_name]);
  await notifyActive(
    ctx,
    [...byReceiver].map(([memberId, names]) => ({
      orgId: e.orgId,
      memberId,
      kind: 'customers_received' as const,
      data: { count: names.length, names: names.slice(0, NAMES_SHOWN) },
      link: '/customers',
      dedupeKey: `transfer_batch:${batchId}`,
    })),
  );
}

/** Who asked for the transfer and who would have received the customer hear that it was declined. */
async function onTransferDeclined(ctx: Ctx, e: DomainEvent): Promise<void> {
  const transferId = str(e.data.transferId);
  if (!transferId) return;
  const t = await ctx.db
    .selectFrom('customer_transfers')
    .select(['customer_id', 'customer_name', 'to_member_id', 'requested_by'])
    .where('org_id', '=', e.orgId)
    .where('id', '=', transferId)
    .executeTakeFirst();
  if (!t) return;
  const told = new Set([t.to_member_id, ...(t.requested_by ? [t.requested_by] : [])]);
  told.delete(e.actorId ?? '');
  await notifyActive(
    ctx,
    [...told].map((memberId) => ({
      orgId: e.orgId,
      memberId,
      kind: 'transfer_declined' as const,
      data: { customerId: t.customer_id, customerName: t.customer_name },
      link: `/customers/${t.customer_id}`,
      dedupeKey: `transfer_declined:${transferId}`,
    })),
  );
}

/** An unanswered customer message past the target: its owner, then (escalated) their supervisors. */
async function onResponseOverdue(ctx: Ctx, e: DomainEvent): Promise<void> {
  const waitId = str(e.data.waitId);
  const customerId = str(e.data.customerId);
  const conversationId = str(e.data.conversationId);
  const memberIds = Array.isArray(e.data.memberIds) ? e.data.memberIds.filter((id) => typeof id === 'string') : [];
  if (!waitId || !customerId || !conversationId) return;
  const escalated = e.data.level === 'supervisor';
  const minutes = typeof e.data.minutes === 'number' ? e.data.minutes : 0;
  const customerName = str(e.data.customerName) ?? '';
  await notifyActive(
    ctx,
    memberIds.map((memberId) => ({
      orgId: e.orgId,
      memberId,
      kind: escalated ? ('customer_waiting_escalated' as const) : ('customer_waiting' as const),
      data: escalated
        ? { customerId, customerName, conversationId, minutes, ownerName: str(e.data.ownerName) ?? '' }
        : { customerId, customerName, conversationId, minutes },
      link: escalated ? `/customers/${customerId}` : `/messages/${conversationId}`,
      dedupeKey: `response_overdue:${waitId}:${escalated ? 'supervisor' : 'owner'}`,
    })),
  );
}

export function registerNotificationHandlers(ctx: Ctx): void {
  ctx.bus.on('todo.reminder', (e) => onTodoReminder(ctx, e));
  ctx.bus.on('customer.follow_up_due', (e) => onFollowUpDue(ctx, e));
  ctx.bus.on('customer.transferred', (e) => onCustomersTransferred(ctx, e));
  ctx.bus.on('customer.transfer_declined', (e) => onTransferDeclined(ctx, e));
  ctx.bus.on('customer.response_overdue', (e) => onResponseOverdue(ctx, e));
  ctx.bus.on('mass_message.notice', (e) => onMassMessageNotice(ctx, e));
}
