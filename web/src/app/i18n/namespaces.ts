/** Every translation namespace; a feature adds its own here. */
import { adminMessages } from '../../features/admin/i18n';
import { consentMessages } from '../../features/archive-consent/i18n';
import { archiveSearchMessages } from '../../features/archive-search/i18n';
import { authMessages } from '../../features/auth/i18n';
import { customerGroupsMessages } from '../../features/customer-groups/i18n';
import { customerPostsMessages } from '../../features/customer-posts/i18n';
import { customerAnalyticsMessages } from '../../features/customers/analytics/i18n';
import { customersMessages } from '../../features/customers/i18n';
import { directoryMessages } from '../../features/directory/i18n';
import { guestMessages } from '../../features/guest/i18n';
import { massMessagesMessages } from '../../features/mass-messages/i18n';
import { messagesMessages } from '../../features/messages/i18n';
import { notificationsMessages } from '../../features/notifications/i18n';
import { quickRepliesMessages } from '../../features/quick-replies/i18n';
import { retentionMessages } from '../../features/retention/i18n';
import { sensitiveMessages } from '../../features/sensitive/i18n';
import { commonMessages } from './common';

export const NAMESPACES = {
  common: commonMessages,
  auth: authMessages,
  directory: directoryMessages,
  admin: adminMessages,
  messages: messagesMessages,
  guest: guestMessages,
  sensitive: sensitiveMessages,
  archiveSearch: archiveSearchMessages,
  customers: customersMessages,
  customerAnalytics: customerAnalyticsMessages,
  consent: consentMessages,
  retention: retentionMessages,
  notifications: notificationsMessages,
  customerGroups: customerGroupsMessages,
  quickReplies: quickRepliesMessages,
  customerPosts: customerPostsMessages,
  massMessages: massMessagesMessages,
};

export type Namespace = keyof typeof NAMESPACES;
