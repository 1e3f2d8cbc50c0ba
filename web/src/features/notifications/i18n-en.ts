import type { Messages } from '../../app/i18n/messages';
import type { zhCN } from './i18n-zh-cn';

export const en: Messages<typeof zhCN> = {
  bell: 'Notifications',
  title: 'Notifications',
  markAllRead: 'Mark all read',
  empty: 'No notifications',
  unread: '{{count}} unread notifications',
  newNotification: 'New notification',
  kinds: {
    todoDue: 'To-do due soon: {{excerpt}}',
    followUpDue: 'Time to follow up with {{customer}}',
    customersReceived: '{{count}} customers are now yours: {{names}}',
    customersReceivedMore: '{{count}} customers are now yours: {{names}} and more',
    transferDeclined: '{{customer}} declined the transfer and stays with their current owner',
    customerWaiting: '{{customer}} has waited {{minutes}} working minutes for your reply',
    customerWaitingEscalated:
      '{{owner}}’s customer {{customer}} has waited {{minutes}} working minutes without a reply',
    postReviewRequested: 'A customer post waits for review: {{excerpt}}',
    postApproved: 'Your customer post was approved: {{excerpt}}',
    postRejected: 'Your customer post was rejected: {{excerpt}} ({{reason}})',
    postCommented: '{{customer}} commented on your customer post: {{excerpt}}',
    massMessagePendingApproval: '{{author}} submitted a mass message for your approval: {{excerpt}}',
    massMessageApproved: 'Your mass message was approved: {{excerpt}}',
    massMessageRejected: 'Your mass message was rejected ({{reason}}): {{excerpt}}',
    massMessageConfirm: '{{author}}’s mass message waits for you to confirm it to your customers: {{excerpt}}',
  },
};
