/**
 * CSV writing for exports: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel reads
 * Chinese correctly, and cells that a spreadsheet would run as formulas made inert.
 */

/** Excel opens UTF-8 CSV as UTF-8 only when the file starts with this mark. */
export const UTF8_BOM = '\uFEFF';

/** First characters that make a spreadsheet treat a cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text gets a leading apostrophe; quoted when it holds , " CR or LF. */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated. */
export const csvRow = (cells: readonly (string | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
