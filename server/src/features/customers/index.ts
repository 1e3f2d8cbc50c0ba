/** What other features may use from customers. */

export { decodeCursor, encodeCursor } from './cursor.js';
export { checkedFilter } from './filters.js';
export { FOLLOW_UP_REMINDER_JOB, runFollowUpReminder } from './follow-up-reminder.js';
export { type CustomerListFilter, listCustomerRows } from './list-query.js';
export { contactFor, maskEmail, maskMobile } from './masking.js';
export { memberFacts } from './queries.js';
export { customerFeatureRoutes } from './routes.js';
export { customerIdsOfGuest } from './transfers/decline-transfer.js';
export { type HandOverPlan, type HandOverReport, handOverCustomers } from './transfers/hand-over-customers.js';
export { registerCustomerHandlers } from './transfers/on-member-departed.js';
export { runTransferDue, TRANSFER_DUE_JOB } from './transfers/transfer-due.js';
export { customerViewer, reaches, type Viewer } from './viewer.js';
