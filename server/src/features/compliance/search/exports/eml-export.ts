/**
 * The EML export: a ZIP of RFC 5322 messages, one per archived record, that any mail tool or
 * e-discovery system opens. Senders and conversations get synthetic addresses under
 * `.concord.invalid` (RFC 2606: never deliverable), the Message-ID is the record id, the subject
 * the conversation and the text's start; the exporter and time are in headers and the footer.
 */
import JSZip from 'jszip';
import {
  conversationKindLabel,
  type ExportFile,
  type ExportRecord,
  exportNote,
  exportText,
  TYPE_LABELS,
} from './export-labels.js';
import { headerText, mailbox, mimeMessage, rfc5322Date } from './mime.js';

const DOMAIN = 'archive.concord.invalid';
const SUBJECT_CHARS = 40;

const senderAddress = (r: ExportRecord): string =>
  r.sender ? `${r.sender.kind === 'guest' ? 'guest' : 'member'}-${r.sender.id}@${DOMAIN}` : `system@${DOMAIN}`;

function subjectOf(r: ExportRecord): string {
  const chars = [...exportText(r).replace(/\s+/g, ' ').trim()];
  const start = chars.length > SUBJECT_CHARS ? `${chars.slice(0, SUBJECT_CHARS).join('')}…` : chars.join('');
  const what = r.type === 'created' ? start || r.fileName || TYPE_LABELS.created : `${TYPE_LABELS[r.type]} ${start}`;
  return `[${r.conversation.name || conversationKindLabel(r.conversation.kind)}] ${what}`.trim();
}

function bodyOf(r: ExportRecord, file: ExportFile): string {
  const lines = [exportText(r)];
  if (r.previousText !== null) lines.push('', `修改前：${r.previousText}`);
  if (r.fileName !== null) lines.push('', `文件：${r.fileName}`);
  lines.push(
    '',
    '-- ',
    `${TYPE_LABELS[r.type]}　${conversationKindLabel(r.conversation.kind)}：${r.conversation.name}　存档序号：${r.seq}`,
    exportNote(file),
  );
  return lines.join('\n');
}

export function emlOf(r: ExportRecord, file: ExportFile): string {
  return mimeMessage(
    [
      ['Date', rfc5322Date(r.at)],
      ['From', mailbox(r.sender?.name ?? '', senderAddress(r))],
      ['To', mailbox(r.conversation.name, `conversation-${r.conversation.id}@${DOMAIN}`)],
      ['Subject', headerText(subjectOf(r))],
      ['Message-ID', `<${r.id}@${DOMAIN}>`],
      ['X-Concord-Record-Seq', String(r.seq)],
      ['X-Concord-Record-Type', r.type],
      ['X-Concord-Exported-By', headerText(file.exportedBy.name)],
      ['X-Concord-Exported-At', file.exportedAt],
    ],
    bodyOf(r, file),
  );
}

export async function renderEmlZip(file: ExportFile): Promise<Buffer> {
  const zip = new JSZip();
  const width = Math.max(4, String(file.records.length).length);
  file.records.forEach((r, i) => {
    zip.file(`${String(i + 1).padStart(width, '0')}-${r.id}.eml`, emlOf(r, file), {
      date: new Date(r.at),
    });
  });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    comment: `Concord archive export: ${file.exportedBy.name} ${file.exportedAt} (${file.records.length})`,
  });
}
