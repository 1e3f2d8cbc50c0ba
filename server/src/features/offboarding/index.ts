/** What other features may use from offboarding. */

export { offboardingRoutes } from './routes.js';
