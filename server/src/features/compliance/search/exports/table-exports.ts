/**
 * CSV and JSON Lines exports. CSV: UTF-8 with a byte-order mark so Excel keeps Chinese intact,
 * a first line naming the exporter and time, then a header and one row per record (the audit
 * log's csvRow: RFC 4180 quoting, formula-looking cells made inert). JSONL: a first line with the
 * export's facts, then one JSON object per record.
 */
import { csvRow, UTF8_BOM } from '../../../audit/index.js';
import { conversationKindLabel, type ExportFile, exportText, senderKindLabel, TYPE_LABELS } from './export-labels.js';

export const CSV_HEADER = [
  '时间',
  '会话',
  '会话类型',
  '发送人',
  '发送人类型',
  '类型',
  '内容',
  '修改前内容',
  '文件名',
  '存档序号',
  '记录ID',
] as const;

export function renderCsv(file: ExportFile): Buffer {
  const meta = [
    '导出人',
    file.exportedBy.name,
    '导出时间',
    file.exportedAt,
    '记录数',
    String(file.records.length),
    '条件',
    JSON.stringify(file.filters),
    ...(file.truncated ? ['已截断'] : []),
  ];
  const lines = [UTF8_BOM, csvRow(meta), csvRow(CSV_HEADER)];
  for (const r of file.records) {
    lines.push(
      csvRow([
        r.at,
        r.conversation.name,
        conversationKindLabel(r.conversation.kind),
        r.sender?.name ?? '',
        r.sender ? senderKindLabel(r.sender.kind) : '',
        TYPE_LABELS[r.type],
        exportText(r),
        r.previousText,
        r.fileName,
        String(r.seq),
        r.id,
      ]),
    );
  }
  return Buffer.from(lines.join(''), 'utf8');
}

export function renderJsonl(file: ExportFile): Buffer {
  const head = {
    export: {
      title: file.title,
      exportedBy: file.exportedBy,
      exportedAt: file.exportedAt,
      filters: file.filters,
      count: file.records.length,
      truncated: file.truncated,
    },
  };
  const lines = [JSON.stringify(head)];
  for (const r of file.records) {
    lines.push(
      JSON.stringify({
        id: r.id,
        seq: r.seq,
        type: r.type,
        at: r.at,
        messageId: r.messageId,
        conversation: r.conversation,
        sender: r.sender,
        text: r.content === 'present' ? r.text : null,
        previousText: r.previousText,
        fileName: r.fileName,
        content: r.content,
        ...(r.marks ? { marks: r.marks } : {}),
      }),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
