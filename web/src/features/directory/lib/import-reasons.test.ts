import { describe, expect, it } from 'vitest';
import { directoryMessages } from '../i18n';
import { fieldKey, fileErrorKey, IMPORT_FIELDS, IMPORT_REASONS, reasonText } from './import-reasons';

const err = (field: string, reason: string, message = 'x') => ({ line: 3, field, reason, message });

/** Looks up a dotted key in the Chinese messages. */
function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], directoryMessages['zh-CN']);
}

describe('reasonText', () => {
  it('translates every known reason to an existing key', () => {
    for (const reason of IMPORT_REASONS) {
      const text = reasonText(err('name', reason));
      expect('key' in text && typeof lookup(text.key)).toBe('string');
    }
  });

  it('is specific about departments, supervisors and dates', () => {
    expect(reasonText(err('department', 'not_found'))).toEqual({ key: 'import.reason.not_found_department' });
    expect(reasonText(err('supervisor', 'not_found'))).toEqual({ key: 'import.reason.not_found_supervisor' });
    expect(reasonText(err('joinedOn', 'invalid_format'))).toEqual({ key: 'import.reason.invalid_format_joinedOn' });
    expect(typeof lookup('import.reason.not_found_department')).toBe('string');
    expect(typeof lookup('import.reason.invalid_format_joinedOn')).toBe('string');
    expect(typeof lookup('import.reason.invalid_format_supervisor')).toBe('string');
  });

  it('keeps the earlier line of a duplicate', () => {
    const text = reasonText(err('mobile', 'duplicate_in_file', 'The same mobile number is on line 4'));
    expect(text).toEqual({ key: 'import.reason.duplicate_in_file_line', values: { line: 4 } });
  });

  it('falls back to the server message for unknown codes', () => {
    expect(reasonText(err('name', 'brand_new', 'Something new'))).toEqual({ raw: 'Something new' });
  });
});

describe('fieldKey', () => {
  it('names every import column', () => {
    for (const field of IMPORT_FIELDS) expect(typeof lookup(fieldKey(field) ?? '')).toBe('string');
    expect(fieldKey('other')).toBeNull();
  });
});

describe('fileErrorKey', () => {
  const fileError = (code: string, message: string, details?: unknown) => ({ status: 400, code, message, details });
  it('recognizes whole-file problems', () => {
    expect(fileErrorKey(fileError('invalid', 'x', { field: 'file', reason: 'missing_name_column' }))).toBe(
      'import.fileError.missingName',
    );
    expect(fileErrorKey(fileError('invalid', 'The file has a header but no rows', { field: 'file' }))).toBe(
      'import.fileError.empty',
    );
    expect(fileErrorKey(fileError('invalid', 'twice', { field: 'file', column: '姓名' }))).toBe(
      'import.fileError.duplicateColumn',
    );
    expect(fileErrorKey(fileError('invalid', 'The XLSX workbook cannot be read', { field: 'file' }))).toBe(
      'import.fileError.unreadable',
    );
    expect(fileErrorKey(fileError('limit_exceeded', 'too many'))).toBe('import.fileError.tooManyRows');
    expect(fileErrorKey(fileError('forbidden', 'no'))).toBeNull();
  });
});
