/** What the app wires from maintenance: the clean-up job and its scheduling. */
export { CLEANUP_JOB, cleanupExpiredRecords, runCleanupJob, scheduleCleanup } from './cleanup.js';
