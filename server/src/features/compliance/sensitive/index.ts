/** What the rest of the server uses of sensitive-content rules: routes, the send-path check, the alert event, the digest job. */
export { ALERT_DIGEST_JOB, runAlertDigest, scheduleAlertDigest } from './alert-digest.js';
export { type BlockingRule, blockingRuleFor } from './blocking-rule.js';
export { registerSensitiveContentCheck } from './message-check.js';
export { ALERT_EVENT } from './record-alerts.js';
export { sensitiveRoutes } from './routes.js';
