/** What other features use from archive consent: the join page's notice and answer, the send gate, the routes. */

export { announceConsentChange, CONSENT_EVENT } from './consent-events.js';
export { registerConsentGate } from './consent-gate.js';
export {
  assertNoticeVersion,
  type GuestChoice,
  guestNoticeFor,
  memberChatNoticeFor,
  recordGuestAnswer,
} from './guest-consent.js';
export type { ArchiveNotice } from './notice.js';
export { consentRoutes } from './routes.js';
