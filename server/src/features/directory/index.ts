/** What other features may use from the directory (the customer import reuses file reading and contact rules). */

export { type Departure, departMember } from './commands/depart-member.js';
export { readTable, type Table, type TableRow } from './import/read-table.js';
export { type NewMember, newMemberRow } from './member-row.js';
export { hasControlCharacters, isCalendarDate, normalizeEmail, normalizeMobile } from './member-rules.js';
export type { MemberRow } from './queries.js';
export { findMember } from './queries.js';
