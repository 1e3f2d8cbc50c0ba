/** Messaging routes: conversations and membership (with invites), messages and their attachments. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { attachmentRoutes } from './attachment-routes.js';
import { conversationRoutes } from './conversation-routes.js';
import { messageRoutes } from './message-routes.js';
import { toolsRoutes } from './tools-routes.js';

export const messagingRoutes: FeatureRoutes = async (app, ctx) => {
  await conversationRoutes(app, ctx);
  await messageRoutes(app, ctx);
  await attachmentRoutes(app, ctx);
  await toolsRoutes(app, ctx);
};
