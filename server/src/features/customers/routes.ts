/** The customer routes: customers, work on many customers, follow-ups, customer settings, transfers and analytics. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { analyticsRoutes } from './analytics/analytics-routes.js';
import { bulkRoutes } from './bulk-routes.js';
import { contactLinkRoutes } from './contact-links/link-routes.js';
import { customerChatRoutes } from './conversations/customer-chat-routes.js';
import { customerRoutes } from './customer-routes.js';
import { followUpRoutes } from './follow-up-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { transferRoutes } from './transfers/transfer-routes.js';

export const customerFeatureRoutes: FeatureRoutes = (app, ctx) => {
  analyticsRoutes(app, ctx);
  bulkRoutes(app, ctx);
  contactLinkRoutes(app, ctx);
  customerChatRoutes(app, ctx);
  customerRoutes(app, ctx);
  followUpRoutes(app, ctx);
  settingsRoutes(app, ctx);
  transferRoutes(app, ctx);
};
