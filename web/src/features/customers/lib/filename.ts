/** The file name a download suggests (`filename="…"` of content-disposition), without any directory part. */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  const quoted = header ? /filename\s*=\s*"((?:\\.|[^"\\])*)"/i.exec(header)?.[1] : undefined;
  const bare = header && quoted === undefined ? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1] : undefined;
  const name = (quoted?.replace(/\\(.)/g, '$1') ?? bare ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  return name || fallback;
}
