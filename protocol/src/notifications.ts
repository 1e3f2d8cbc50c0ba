/**
 * A member's notifications: reminders and changes addressed to them, listed by the API and
 * pushed over the socket. The server stores facts (kind + data); each client words them in the
 * member's language, so one notification reads right in Chinese and in English.
 */
export const NOTIFICATION_KINDS = [
  'todo_due',
  'follow_up_due',
  'customers_received',
  'transfer_declined',
  'customer_waiting',
  'customer_waiting_escalated',
  'post_review_requested',
  'post_reviewed',
  'post_commented',
  'mass_message_pending_approval',
  'mass_message_approved',
  'mass_message_rejected',
  'mass_message_confirm',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationData = {
  /** todo_due: the to-do's conversation and the start of its message. */
  conversationId?: string;
  excerpt?: string;
  dueAt?: string | null;
  /** follow_up_due, transfer_declined: the customer. */
  customerId?: string;
  customerName?: string;
  nextAt?: string;
  /** customers_received: how many customers, and the first few names. */
  count?: number;
  names?: string[];
  /** customer_waiting(_escalated): the working minutes the customer has waited, and (escalated) whose customer. */
  minutes?: number;
  ownerName?: string;
  /**
   * post_review_requested, post_reviewed, post_commented: the post, the start of its text (of the
   * comment, for post_commented, with the customer's name), and the review's outcome.
   */
  postId?: string;
  outcome?: 'approved' | 'rejected';
  /** mass_message_*: the mass message, its author, the start of its text and a rejection's reason. */
  massMessageId?: string;
  authorName?: string;
  reason?: string | null;
};

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  data: NotificationData;
  /** Where the notification leads in the console, e.g. `/customers/…`. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
};
