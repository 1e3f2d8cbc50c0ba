/** What other features may use from the audit log. */
export { csvCell, csvRow, UTF8_BOM } from './csv.js';
export { type AuditInput, type AuditTarget, type AuditWho, recordAudit } from './record.js';
