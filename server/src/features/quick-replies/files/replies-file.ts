/**
 * The org's quick replies as a file: CSV (UTF-8 with a BOM, so Excel keeps the Chinese) or XLSX,
 * a header of 分类 / 标题 / 内容 / 使用次数 and one row per reply, so an exported file imports again.
 * Reading maps those headers (or their English names) to columns.
 */
import ExcelJS from 'exceljs';
import { invalid } from '../../../platform/errors.js';
import { csvRow, UTF8_BOM } from '../../audit/index.js';

export type FileReply = { category: string; title: string; text: string; useCount: number };
export const FILE_HEADER = ['分类', '标题', '内容', '使用次数'] as const;

export function renderRepliesCsv(replies: readonly FileReply[]): Buffer {
  const lines = [UTF8_BOM, csvRow([...FILE_HEADER])];
  for (const r of replies) lines.push(csvRow([r.category, r.title, r.text, String(r.useCount)]));
  return Buffer.from(lines.join(''), 'utf8');
}

export async function renderRepliesXlsx(replies: readonly FileReply[], creator: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  const sheet = workbook.addWorksheet('话术库');
  sheet.addRow([...FILE_HEADER]).font = { bold: true };
  for (const r of replies) sheet.addRow([r.category, r.title, r.text, r.useCount]);
  sheet.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ALIASES = {
  category: ['分类', '类别', '分组', 'category'],
  title: ['标题', '名称', 'title'],
  text: ['内容', '话术', '话术内容', '文本', 'text', 'content'],
} as const;
export type FileColumns = { category: number | undefined; title: number; text: number };

const normalize = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/\s/g, '')
    .toLowerCase();

/** Which column holds what; 400 naming the missing header when there is no title or text column. */
export function mapReplyColumns(header: readonly string[]): FileColumns {
  const find = (names: readonly string[]) => {
    const at = header.findIndex((h) => names.includes(normalize(h)));
    return at < 0 ? undefined : at;
  };
  const title = find(ALIASES.title);
  const text = find(ALIASES.text);
  if (title === undefined || text === undefined) {
    throw invalid('The file needs a 标题 (title) and a 内容 (text) column', {
      field: 'file',
      missing: [...(title === undefined ? ['标题'] : []), ...(text === undefined ? ['内容'] : [])],
    });
  }
  return { category: find(ALIASES.category), title, text };
}
