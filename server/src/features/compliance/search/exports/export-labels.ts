/**
 * What every export file says the same way: the Chinese labels of record types, conversation and
 * sender kinds (the console is zh-CN first, like the audit CSV), and the export's own facts.
 */
import type { PresentedRecord } from '../present-records.js';
import type { RecordMarks } from '../view-conversation.js';

export type ExportRecord = PresentedRecord & { marks?: RecordMarks | null };

export type ExportFile = {
  /** What was exported, e.g. 会话存档搜索结果 or 会话存档：客户跟进群. */
  title: string;
  exportedBy: { id: string; name: string };
  exportedAt: string;
  filters: Record<string, string>;
  records: ExportRecord[];
  /** More records matched than an export holds. */
  truncated: boolean;
};

export const TYPE_LABELS: Record<PresentedRecord['type'], string> = {
  created: '发送消息',
  edited: '编辑消息',
  recalled: '撤回消息',
  hidden: '删除消息（仅本人）',
};

const CONVERSATION_KINDS: Record<string, string> = { direct: '单聊', group: '群聊', external: '外部群' };
export const conversationKindLabel = (kind: string): string => CONVERSATION_KINDS[kind] ?? kind;

export const senderKindLabel = (kind: 'staff' | 'guest'): string => (kind === 'guest' ? '外部联系人' : '员工');

/** The record's text as an export shows it, with what happened to its content. */
export function exportText(record: ExportRecord): string {
  if (record.content === 'purged') return '（内容已按保留期限清除）';
  if (record.content === 'unreadable') return '（内容已加密，缺少解密密钥）';
  return record.text;
}

/** `2026-03-01 08:01:00 UTC`: an instant as a person reads it in a printed file. */
export const readableTime = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');

/** A line for the header or footer of a file: who exported it, when, and whether it was cut short. */
export function exportNote(file: ExportFile): string {
  const cut = file.truncated ? `，已截断为前 ${file.records.length} 条` : '';
  return `导出人：${file.exportedBy.name}　导出时间：${readableTime(file.exportedAt)}　共 ${file.records.length} 条${cut}`;
}
