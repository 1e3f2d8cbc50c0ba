/** What other features may use from the directory. */

export { type NewMember, newMemberRow } from './member-row.js';
export type { MemberRow } from './queries.js';
export { findMember } from './queries.js';
