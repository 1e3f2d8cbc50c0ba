/** HTTP adapter for a member's notifications. Guests have none (the guest guard refuses them). */
import type { FeatureRoutes } from '../../http/app-type.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schema-helpers.js';
import { markNotificationsRead } from './mark-read.js';
import { listNotifications } from './reads.js';
import { MarkReadBody, MarkReadResult, NotificationList, NotificationQuery } from './schemas.js';

const tags = ['notifications'];

export const notificationRoutes: FeatureRoutes = async (app, ctx) => {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications (reminders, customers handed to you, declined transfers), newest first',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (req) => listNotifications(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark your notifications read: `{ids}` or `{all: true}`',
        body: MarkReadBody,
        response: { 200: MarkReadResult, ...errorResponses },
      },
    },
    async (req) => markNotificationsRead(ctx, actorOf(req), req.body),
  );
};
