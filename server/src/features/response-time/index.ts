/** What other parts use from response-time targets: routes, the measuring, the alert job, the settings. */
export { registerResponseTimeHandlers } from './measure.js';
export {
  RESPONSE_ALERT_JOB,
  RESPONSE_OVERDUE_EVENT,
  runOverdueAlerts,
  scheduleOverdueAlerts,
} from './overdue-alerts.js';
export { responseTimeRoutes } from './routes.js';
export { loadResponseSettings, type ResponseSettings } from './settings.js';
