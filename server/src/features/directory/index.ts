/** What other features may use from the directory. */
export type { MemberRow } from './queries.js';
export { findMember } from './queries.js';
