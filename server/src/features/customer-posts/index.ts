/** What other parts use from posts to customers: the routes. */
export { customerPostRoutes } from './routes.js';
