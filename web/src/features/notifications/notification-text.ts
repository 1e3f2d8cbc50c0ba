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
