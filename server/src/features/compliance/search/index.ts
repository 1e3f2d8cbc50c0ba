/** What other features may use from archive search: keeping the index in step, upgrading an index an earlier version made, and the routes. */
export { indexArchiveRecords, unindexArchiveRecords } from './index-records.js';
export { archiveSearchRoutes } from './routes.js';
export { runSearchUpgrade, SEARCH_UPGRADE_JOB, scheduleSearchUpgrade } from './upgrade-job.js';
