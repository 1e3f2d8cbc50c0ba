/**
 * Customer import columns: Chinese headers as sales spreadsheets have them, English names, and
 * the org's custom fields by their name.
 */
import { invalid } from '../../../platform/errors.js';
import type { FieldDef } from '../custom-fields.js';

export const IMPORT_FIELDS = [
  'name',
  'company',
  'title',
  'mobile',
  'email',
  'gender',
  'region',
  'remark',
  'tags',
  'stage',
  'owner',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ALIASES: Record<ImportField, readonly string[]> = {
  name: ['姓名', '客户名称', '客户姓名', '客户', '名称', 'name'],
  company: ['公司', '企业', '单位', '公司名称', 'company'],
  title: ['职务', '职位', 'title'],
  mobile: ['手机', '手机号', '手机号码', '电话', 'mobile', 'phone'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail'],
  gender: ['性别', 'gender'],
  region: ['地区', '所在地区', '区域', '城市', 'region'],
  remark: ['备注', '说明', 'remark', 'note'],
  tags: ['标签', '客户标签', 'tags'],
  stage: ['阶段', '客户阶段', '销售阶段', 'stage'],
  owner: ['负责人', '跟进人', '归属人', 'owner'],
};

export const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

const BY_ALIAS = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [normalizeHeader(alias), field] as const)),
);

export type ColumnMap = { base: Partial<Record<ImportField, number>>; custom: Map<string, number> };

/** Which column holds which field; a custom field's own name wins over a built-in alias. */
export function mapColumns(header: readonly string[], fields: readonly FieldDef[]): ColumnMap {
  const byName = new Map(fields.map((f) => [normalizeHeader(f.name), f.id]));
  const columns: ColumnMap = { base: {}, custom: new Map() };
  const twice = (text: string) =>
    invalid(`The column "${text}" appears twice in the header`, { field: 'file', column: text });
  header.forEach((text, index) => {
    const key = normalizeHeader(text);
    const custom = byName.get(key);
    if (custom) {
      if (columns.custom.has(custom)) throw twice(text);
      columns.custom.set(custom, index);
      return;
    }
    const field = BY_ALIAS.get(key);
    if (!field) return;
    if (columns.base[field] !== undefined) throw twice(text);
    columns.base[field] = index;
  });
  if (columns.base.name === undefined) {
    throw invalid('The header row needs a 姓名 (name) column', { field: 'file', reason: 'missing_name_column' });
  }
  return columns;
}

/** The trimmed cell of a field in a row ('' when the column is absent). */
export function cellAt(cells: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (cells[index] ?? '').trim();
}
