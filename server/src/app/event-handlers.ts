/** Wires each feature's reactions to other features' domain events. */
import { registerArchiveHandlers } from '../features/compliance/archive/archive-handlers.js';
import { registerConsentGate } from '../features/compliance/consent/index.js';
import { registerSensitiveContentCheck } from '../features/compliance/sensitive/index.js';
import { registerCustomerGroupHandlers } from '../features/customer-groups/index.js';
import { registerCustomerHandlers } from '../features/customers/index.js';
import { registerMessagingHandlers } from '../features/messaging/index.js';
import { registerNotificationHandlers } from '../features/notifications/index.js';
import { registerResponseTimeHandlers } from '../features/response-time/index.js';
import type { Ctx } from './context.js';

export function registerEventHandlers(ctx: Ctx): void {
  registerMessagingHandlers(ctx);
  registerArchiveHandlers(ctx);
  registerCustomerHandlers(ctx);
  registerNotificationHandlers(ctx);
  registerCustomerGroupHandlers(ctx);
  registerResponseTimeHandlers(ctx);
  // Not an event reaction but start-up wiring of the same kind: compliance checks outgoing messages.
  // The consent gate goes first: a message it refuses raises no sensitive-content alert.
  registerConsentGate(ctx);
  registerSensitiveContentCheck(ctx);
}
