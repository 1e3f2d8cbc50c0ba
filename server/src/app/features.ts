/** Every feature's routes, in one list; adding a feature means adding a line here. */
import { auditRoutes } from '../features/audit/routes.js';
import { archiveRoutes } from '../features/compliance/archive/routes.js';
import { consentRoutes } from '../features/compliance/consent/index.js';
import { retentionRoutes } from '../features/compliance/retention/routes.js';
import { archiveSearchRoutes } from '../features/compliance/search/index.js';
import { sensitiveRoutes } from '../features/compliance/sensitive/index.js';
import { customerGroupRoutes } from '../features/customer-groups/index.js';
import { customerPostRoutes } from '../features/customer-posts/index.js';
import { customerFeatureRoutes } from '../features/customers/index.js';
import { directoryRoutes } from '../features/directory/routes.js';
import { guestRoutes } from '../features/guests/routes.js';
import { identityRoutes } from '../features/identity/routes.js';
import { massMessageRoutes } from '../features/mass-messages/index.js';
import { messagingRoutes } from '../features/messaging/routes.js';
import { notificationRoutes } from '../features/notifications/index.js';
import { offboardingRoutes } from '../features/offboarding/index.js';
import { orgRoutes } from '../features/org/routes.js';
import { quickReplyRoutes } from '../features/quick-replies/index.js';
import { responseTimeRoutes } from '../features/response-time/index.js';
import { rolesRoutes } from '../features/roles/routes.js';
import { setupRoutes } from '../features/setup/routes.js';
import type { FeatureRoutes } from '../http/app-type.js';

export const FEATURE_ROUTES: FeatureRoutes[] = [
  identityRoutes,
  orgRoutes,
  directoryRoutes,
  rolesRoutes,
  auditRoutes,
  setupRoutes,
  messagingRoutes,
  guestRoutes,
  archiveRoutes,
  archiveSearchRoutes,
  sensitiveRoutes,
  retentionRoutes,
  consentRoutes,
  customerFeatureRoutes,
  offboardingRoutes,
  notificationRoutes,
  customerGroupRoutes,
  quickReplyRoutes,
  responseTimeRoutes,
  customerPostRoutes,
  massMessageRoutes,
];
