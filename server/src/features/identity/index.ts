/** What other features may use from identity. */
export { type OpenedSession, openSession } from './commands/open-session.js';
export { revokeMemberSessions } from './commands/revoke-member-sessions.js';
export { assertAcceptablePassword, hashPassword } from './passwords.js';
