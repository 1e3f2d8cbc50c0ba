/** What other features may use from roles. */
export { BUILTIN_ROLE_DEFINITIONS } from './builtin-roles.js';
export { countActiveOwners, isOwner, rolesOfMember } from './queries.js';
