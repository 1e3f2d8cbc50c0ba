/** The import template offered for download: the Chinese headers the server reads, as UTF-8 CSV. */
export const TEMPLATE_HEADERS = ['姓名', '手机', '邮箱', '部门', '职务', '直属上级', '入职日期'] as const; // i18n-exempt: the column names the server reads

/** A byte-order mark makes Excel open the file as UTF-8, so the Chinese headers show correctly. */
const BOM = '\uFEFF';

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function templateCsv(): string {
  return `${BOM}${TEMPLATE_HEADERS.map(csvCell).join(',')}\r\n`;
}

export const TEMPLATE_FILE_NAME = 'members-import-template.csv';
