/**
 * Words a notification in the reader's language from its kind and facts: the translation key and
 * its values. Pure, so each kind's wording is tested without rendering.
 */
import type { NotificationItem } from '@concord/protocol';

export type NotificationText = { key: string; values: Record<string, string | number> };

const quoted = (names: readonly string[] | undefined, separator: string) => (names ?? []).join(separator);

export function notificationText(n: NotificationItem, separator = '、'): NotificationText {
  const d = n.data;
  switch (n.kind) {
    case 'todo_due':
      return { key: 'todoDue', values: { excerpt: d.excerpt ?? '' } };
    case 'follow_up_due':
      return { key: 'followUpDue', values: { customer: d.customerName ?? '' } };
    case 'customers_received': {
      const count = d.count ?? 0;
      const names = quoted(d.names, separator);
      const more = count > (d.names?.length ?? 0);
      return { key: more ? 'customersReceivedMore' : 'customersReceived', values: { count, names } };
    }
    case 'transfer_declined':
      return { key: 'transferDeclined', values: { customer: d.customerName ?? '' } };
    case 'customer_waiting':
      return { key: 'customerWaiting', values: { customer: d.customerName ?? '', minutes: d.minutes ?? 0 } };
    case 'customer_waiting_escalated':
      return {
        key: 'customerWaitingEscalated',
        values: { customer: d.customerName ?? '', owner: d.ownerName ?? '', minutes: d.minutes ?? 0 },
      };
    case 'post_review_requested':
      return { key: 'postReviewRequested', values: { excerpt: d.excerpt ?? '' } };
    case 'post_reviewed':
      return d.outcome === 'rejected'
        ? { key: 'postRejected', values: { excerpt: d.excerpt ?? '', reason: d.reason ?? '' } }
        : { key: 'postApproved', values: { excerpt: d.excerpt ?? '' } };
    case 'post_commented':
      return { key: 'postCommented', values: { customer: d.customerName ?? '', excerpt: d.excerpt ?? '' } };
    case 'mass_message_pending_approval':
      return { key: 'massMessagePendingApproval', values: { author: d.authorName ?? '', excerpt: d.excerpt ?? '' } };
    case 'mass_message_approved':
      return { key: 'massMessageApproved', values: { excerpt: d.excerpt ?? '' } };
    case 'mass_message_rejected':
      return { key: 'massMessageRejected', values: { reason: d.reason ?? '', excerpt: d.excerpt ?? '' } };
    case 'mass_message_confirm':
      return { key: 'massMessageConfirm', values: { author: d.authorName ?? '', excerpt: d.excerpt ?? '' } };
  }
}
