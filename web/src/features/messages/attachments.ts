/** Pure helpers of images and files in messages: sizes, the kind to expect, refused uploads. */
import { ApiError, toApiError } from '../../lib/api/api-error';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** 1023 B, 1.5 KB, 12 MB: one decimal below 10 of a unit, none above. */
export function formatSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${UNITS[unit]}`;
}

/** Image types the server recognises by their bytes; anything else is sent as a file. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The kind a file will most likely be stored as (the server decides from the bytes). */
export function expectedKind(file: { type: string }): 'image' | 'file' {
  return IMAGE_TYPES.has(file.type.toLowerCase()) ? 'image' : 'file';
}

/** The files of a paste or a drop, skipping folders and other non-file items. */
export function filesOf(data: { files?: ArrayLike<File> | null } | null | undefined): File[] {
  return data?.files ? Array.from(data.files) : [];
}

/**
 * The files a paste should send: a screenshot or copied image, but not when text comes with it
 * (cells copied from a spreadsheet also carry a picture of themselves; the text is what was meant).
 */
export function pastedFiles(data: { files?: ArrayLike<File> | null; getData(type: string): string } | null): File[] {
  if (!data) return [];
  const files = filesOf(data);
  return files.length > 0 && data.getData('text/plain').trim() === '' ? files : [];
}

/**
 * The error of a finished upload request: the server's `{error:{code,message,details}}` when it
 * sent one (413 too large, 409 dissolved group, …), else one built from the status alone.
 * Status 0 is a request that never got an answer.
 */
export function uploadError(status: number, responseText: string): ApiError {
  if (status === 0) return new ApiError('network', 'network error', 0);
  let body: unknown = null;
  try {
    body = responseText ? JSON.parse(responseText) : null;
  } catch {
    body = null;
  }
  const error = toApiError(status, body);
  // A proxy's own 413 page carries no code: it is still "too large".
  return status === 413 && error.code === 'invalid'
    ? new ApiError('payload_too_large', error.message, status, error.details)
    : error;
}

/** The largest size the server said it takes, when a refusal says so. */
export function maxBytesOf(error: ApiError): number | null {
  const max = (error.details as { maxBytes?: unknown } | undefined)?.maxBytes;
  return typeof max === 'number' && max > 0 ? max : null;
}

/** Whether sending the same file again can work (not when it is too large or refused for what it is). */
export function canRetryUpload(error: ApiError): boolean {
  return !['payload_too_large', 'unsupported_media_type', 'invalid', 'forbidden', 'not_found'].includes(error.code);
}

/** Upload progress as a whole percentage, never 100 before the server has answered. */
export function uploadPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((loaded / total) * 100));
}
