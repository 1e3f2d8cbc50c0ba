/**
 * Turns an uploaded CSV or XLSX file into rows of text cells with their line numbers in the file
 * (header = line 1). The format is told by content, not by name: XLSX is a zip (`PK\x03\x04`).
 * CSV may be UTF-8 (with or without BOM) or GBK, as Excel on Chinese Windows saves it.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { invalid } from '../../../platform/errors.js';
import { hasControlCharacters } from '../member-rules.js';

export type TableRow = { line: number; cells: string[] };
export type Table = { header: TableRow; rows: TableRow[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readTable(bytes: Uint8Array): Promise<Table> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const rows = isZip ? await readXlsx(bytes) : readCsv(decodeText(bytes));
  const nonEmpty = rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = nonEmpty;
  if (!header) throw invalid('The file is empty', { field: 'file' });
  return { header, rows: data };
}

/** UTF-8 when the bytes are valid UTF-8, else GBK; anything else is refused. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    } catch {
      throw invalid('The file is neither UTF-8 nor GBK text, nor an XLSX workbook', { field: 'file' });
    }
  }
  // Control characters other than line breaks and tabs are a sign of a binary file.
  if (hasControlCharacters(text, true)) {
    throw invalid('The file is not a CSV text file or an XLSX workbook', { field: 'file' });
  }
  return text;
}

function readCsv(text: string): TableRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, bom: true });
  } catch (err) {
    throw invalid(`The CSV cannot be read: ${err instanceof Error ? err.message : 'parse error'}`, { field: 'file' });
  }
  return records.map((r) => ({ line: r.info.lines, cells: r.record }));
}

async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('The XLSX workbook cannot be read', { field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('The workbook has no sheet', { field: 'file' });
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** The text of a cell: dates as YYYY-MM-DD, rich text and links by their text, formulas by result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}
