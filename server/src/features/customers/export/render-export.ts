/**
 * The customer export file, CSV or XLSX. The first line names the exporter, the time and the
 * count (the file carries who took it); then a header in Chinese and one row per customer, with
 * contacts as the exporter was allowed to see them. CSV is UTF-8 with a BOM for Excel, cells
 * that a spreadsheet would run as formulas made inert.
 */
import ExcelJS from 'exceljs';
import { csvRow, UTF8_BOM } from '../../audit/index.js';
import type { FieldDef, FieldValue } from '../custom-fields.js';
import type { CustomerOut } from '../schemas.js';

export type ExportFile = {
  exportedBy: { id: string; name: string };
  exportedAt: string;
  customers: readonly CustomerOut[];
  fields: readonly FieldDef[];
  truncated: boolean;
};

const GENDER_LABELS: Record<string, string> = { male: '男', female: '女', unknown: '未知' };
const SOURCE_LABELS: Record<string, string> = { manual: '手动录入', import: '导入', link: '联系我链接' };

export const EXPORT_HEADER = [
  '姓名',
  '公司',
  '职务',
  '手机',
  '邮箱',
  '性别',
  '地区',
  '来源',
  '阶段',
  '标签',
  '负责人',
  '备注',
] as const;
const TAIL = ['创建时间', '更新时间', '客户ID'] as const;

function metaRow(file: ExportFile): string[] {
  return [
    '导出人',
    file.exportedBy.name,
    '导出时间',
    file.exportedAt,
    '客户数',
    String(file.customers.length),
    ...(file.truncated ? ['已截断'] : []),
  ];
}

const fieldText = (value: FieldValue | undefined) => (value === undefined ? '' : String(value));

function cells(c: CustomerOut, fields: readonly FieldDef[]): string[] {
  return [
    c.name,
    c.company ?? '',
    c.title ?? '',
    c.mobile ?? '',
    c.email ?? '',
    GENDER_LABELS[c.gender] ?? c.gender,
    c.region ?? '',
    SOURCE_LABELS[c.source] ?? c.source,
    c.stage?.name ?? '',
    c.tags.map((t) => `${t.groupName}/${t.name}`).join('、'),
    c.owner.name,
    c.remark ?? '',
    ...fields.map((f) => fieldText(c.customFields[f.id])),
    c.createdAt,
    c.updatedAt,
    c.id,
  ];
}

const header = (fields: readonly FieldDef[]) => [...EXPORT_HEADER, ...fields.map((f) => f.name), ...TAIL];

export function renderCsv(file: ExportFile): Buffer {
  const lines = [UTF8_BOM, csvRow(metaRow(file)), csvRow(header(file.fields))];
  for (const c of file.customers) lines.push(csvRow(cells(c, file.fields)));
  return Buffer.from(lines.join(''), 'utf8');
}

export async function renderXlsx(file: ExportFile): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = file.exportedBy.name;
  workbook.created = new Date(file.exportedAt);
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(metaRow(file));
  sheet.addRow(header(file.fields)).font = { bold: true };
  for (const c of file.customers) sheet.addRow(cells(c, file.fields));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
