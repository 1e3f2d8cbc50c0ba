/** What other parts of the server use of quick replies: the routes. */
export { quickReplyRoutes } from './routes.js';
