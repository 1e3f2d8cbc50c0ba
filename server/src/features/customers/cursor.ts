/** Opaque list cursors: the sort key and id of the last row, base64url JSON. */
import { invalid } from '../../platform/errors.js';
import type { ListCursor } from './list-query.js';

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): ListCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not valid; start again from the first page', { field: 'cursor' });
}
