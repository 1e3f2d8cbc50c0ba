/** What other features may use from archive search: keeping the index in step, and the routes. */
export { indexArchiveRecords, unindexArchiveRecords } from './index-records.js';
export { archiveSearchRoutes } from './routes.js';
