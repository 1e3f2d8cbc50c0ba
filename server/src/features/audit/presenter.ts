/** Audit rows → API shapes, and the opaque cursor that carries the last id seen. */
import { invalid } from '../../platform/errors.js';
import { isUuid } from '../../platform/ids.js';
import type { AuditRow } from './queries.js';

const parse = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const presentAuditEntry = (row: AuditRow) => ({
  id: row.id,
  at: row.at,
  actor: { id: row.actor_id, name: row.actor_name, kind: row.actor_kind },
  action: row.action,
  target: row.target_type ? { type: row.target_type, id: row.target_id, label: row.target_label } : null,
  before: parse(row.before),
  after: parse(row.after),
  ip: row.ip,
  userAgent: row.user_agent,
});

export const encodeCursor = (lastId: string): string => Buffer.from(lastId, 'utf8').toString('base64url');

/** The id a cursor carries; a cursor this server did not make is refused with a 400. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw invalid('The cursor is not valid', { field: 'cursor' });
  return id;
}
