/** What other parts use from customer groups: the routes and the auto-reply wiring. */
export { registerCustomerGroupHandlers } from './auto-reply-handler.js';
export { customerGroupRoutes } from './routes.js';
