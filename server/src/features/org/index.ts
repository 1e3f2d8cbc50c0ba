/** What other features may use from org. */
export { type CreatedOrg, type CreateOrgInput, createOrg } from './commands/create-org.js';
export { findOrg, type OrgSettings, type OrgView } from './queries.js';
