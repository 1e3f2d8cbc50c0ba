/**
 * Maps the import's row-error codes and field names (server: import/validate-rows.ts) to
 * translation keys of the directory namespace, so every error reads naturally in both languages.
 */
export const IMPORT_REASONS = [
  'required',
  'too_long',
  'too_short',
  'control_characters',
  'invalid_format',
  'duplicate_in_file',
  'already_used',
  'not_found',
  'ambiguous',
  'outside_scope',
  'self',
  'cycle',
  'common',
  'personal',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export const IMPORT_FIELDS = [
  'name',
  'mobile',
  'email',
  'department',
  'title',
  'supervisor',
  'joinedOn',
  'password',
  'row',
] as const;

type RowError = { line: number; field: string; reason: string; message: string };

export type Translated = { key: string; values?: Record<string, string | number> };

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The translation of a row error's reason; the server's own message when the code is unknown. */
export function reasonText(error: RowError): Translated | { raw: string } {
  const { reason, field } = error;
  if (!isOneOf(IMPORT_REASONS, reason)) return { raw: error.message };
  if (reason === 'not_found' && (field === 'department' || field === 'supervisor')) {
    return { key: `import.reason.not_found_${field}` };
  }
  if (reason === 'invalid_format' && (field === 'joinedOn' || field === 'supervisor')) {
    return { key: `import.reason.invalid_format_${field}` };
  }
  if (reason === 'duplicate_in_file') {
    const line = /line (\d+)/.exec(error.message)?.[1];
    if (line) return { key: 'import.reason.duplicate_in_file_line', values: { line: Number(line) } };
  }
  return { key: `import.reason.${reason}` };
}

/** The translation key of a column name; unknown fields show as they are. */
export function fieldKey(field: string): string | null {
  return isOneOf(IMPORT_FIELDS, field) ? `import.field.${field}` : null;
}

type FileError = { status: number; code: string; message: string; details?: unknown };

/** A whole-file problem (400/413/415 before any row is checked) as a translation key. */
export function fileErrorKey(error: FileError): string | null {
  if (error.code === 'limit_exceeded') return 'import.fileError.tooManyRows';
  if (error.code === 'payload_too_large') return 'import.fileError.tooLarge';
  if (error.code !== 'invalid') return null;
  const details = (error.details ?? {}) as { reason?: unknown; field?: unknown; column?: unknown };
  if (details.reason === 'missing_name_column') return 'import.fileError.missingName';
  if (details.column !== undefined) return 'import.fileError.duplicateColumn';
  if (/no rows|empty/i.test(error.message)) return 'import.fileError.empty';
  if (details.field === 'file' || /multipart|file/i.test(error.message)) return 'import.fileError.unreadable';
  return null;
}
