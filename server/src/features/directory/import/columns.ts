/** Import columns: Chinese headers (as HR spreadsheets have them) and their English names. */
import { invalid } from '../../../platform/errors.js';

export const IMPORT_FIELDS = [
  'name',
  'mobile',
  'email',
  'department',
  'title',
  'supervisor',
  'joinedOn',
  'password',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ALIASES: Record<ImportField, readonly string[]> = {
  name: ['姓名', '名字', 'name'],
  mobile: ['手机', '手机号', '手机号码', '电话', 'mobile', 'phone'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail'],
  department: ['部门', '所属部门', 'department'],
  title: ['职务', '职位', 'title'],
  supervisor: ['直属上级', '上级', 'supervisor'],
  joinedOn: ['入职日期', '入职时间', 'joinedon', 'joined_on', 'joineddate'],
  password: ['初始密码', '密码', 'password'],
};

const normalize = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

const BY_ALIAS = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [normalize(alias), field] as const)),
);

export type ColumnMap = Partial<Record<ImportField, number>>;

/** Which column holds which field; unknown columns are ignored, a missing name column refused. */
export function mapColumns(header: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  header.forEach((text, index) => {
    const field = BY_ALIAS.get(normalize(text));
    if (!field) return;
    if (columns[field] !== undefined) {
      throw invalid(`The column for "${field}" appears twice in the header`, { field: 'file', column: text });
    }
    columns[field] = index;
  });
  if (columns.name === undefined) {
    throw invalid('The header row needs a 姓名 (name) column', { field: 'file', reason: 'missing_name_column' });
  }
  return columns;
}

/** The trimmed cell of a field in a row ('' when the column is absent). */
export function cellOf(cells: readonly string[], columns: ColumnMap, field: ImportField): string {
  const index = columns[field];
  return index === undefined ? '' : (cells[index] ?? '').trim();
}
