/** What other parts use from notifications: the routes, the event wiring, the push event. */
export { registerNotificationHandlers } from './handlers.js';
export { NOTIFICATION_EVENT } from './notify.js';
export { notificationRoutes } from './routes.js';
