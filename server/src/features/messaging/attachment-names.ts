/** Image detection by magic bytes, file-name cleaning and the download headers built from them. */

/** Bytes needed to recognise every image type we accept. */
export const SNIFF_BYTES = 12;

const startsWith = (head: Uint8Array, bytes: number[], at = 0): boolean => bytes.every((b, i) => head[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The image type of these first bytes, or null when they are not a PNG, JPEG, GIF or WebP.
 * SVG is deliberately not an image here: it can carry script.
 */
export function sniffImageMime(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** A declared type kept for display (never served); anything odd becomes octet-stream. */
export function cleanDeclaredMime(declared: string | undefined): string {
  const mime = (declared ?? '').trim().toLowerCase();
  if (mime.length > 100 || !/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(mime))
    return 'application/octet-stream';
  // Only sniffed bytes may call themselves an image.
  return mime.startsWith('image/') ? 'application/octet-stream' : mime;
}

export const FILE_NAME_MAX = 200;

/**
 * The original file name without any directory part, control or format characters (which
 * could hide the real extension), at most 200 characters; "file" when nothing is left.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim();
  const chars = [...cleaned].slice(0, FILE_NAME_MAX).join('').trim();
  return chars === '' || chars === '.' || chars === '..' ? 'file' : chars;
}

/** RFC 5987 encoding of a header parameter value. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `inline` or `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
