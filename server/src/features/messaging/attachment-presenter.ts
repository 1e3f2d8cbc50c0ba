/** Attachment rows → API shape, and the JSON a message stores in its `attachment` column. */
import type { AttachmentTable } from '../../platform/db/schema.js';
import type { AttachmentOut } from './attachment-schemas.js';

export function presentAttachment(row: AttachmentTable): AttachmentOut {
  return {
    id: row.id,
    kind: row.kind === 'image' ? 'image' : 'file',
    name: row.name,
    size: Number(row.size),
    mime: row.mime,
    sha256: row.sha256,
  };
}

/** The attachment stored with a message; null for none or an unreadable value. */
export function parseAttachment(json: string | null): AttachmentOut | null {
  if (!json) return null;
  const v = JSON.parse(json) as Partial<AttachmentOut> | null;
  if (!v || typeof v.id !== 'string' || typeof v.sha256 !== 'string') return null;
  return {
    id: v.id,
    kind: v.kind === 'image' ? 'image' : 'file',
    name: String(v.name ?? ''),
    size: Number(v.size ?? 0),
    mime: String(v.mime ?? 'application/octet-stream'),
    sha256: v.sha256,
  };
}
