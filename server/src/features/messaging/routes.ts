/** Messaging routes: conversations and membership (with invites), and messages. */
import type { FeatureRoutes } from '../../http/app-type.js';
import { conversationRoutes } from './conversation-routes.js';
import { messageRoutes } from './message-routes.js';

export const messagingRoutes: FeatureRoutes = async (app, ctx) => {
  await conversationRoutes(app, ctx);
  await messageRoutes(app, ctx);
};
