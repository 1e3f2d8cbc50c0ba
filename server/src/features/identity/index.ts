/** What other features may use from identity. */
export { revokeMemberSessions } from './commands/revoke-member-sessions.js';
export { assertAcceptablePassword, hashPassword } from './passwords.js';
