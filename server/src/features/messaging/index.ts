/** What other features (and the realtime gateway) may use from messaging. */

export { registerMessagingHandlers } from './conversation-handlers.js';
export { listEventsAfter, publishEvents } from './event-log.js';
export { conversationIdsOf, memberIdsOf, requireMembership } from './membership.js';
