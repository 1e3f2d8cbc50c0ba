/** What other features may use from customers. */

export { FOLLOW_UP_REMINDER_JOB, runFollowUpReminder } from './follow-up-reminder.js';
export { maskEmail, maskMobile } from './masking.js';
export { customerFeatureRoutes } from './routes.js';
