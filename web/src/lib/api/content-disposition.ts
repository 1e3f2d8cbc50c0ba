/** The file name a download response suggests, RFC 6266 style (filename* wins over filename). */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (extended) {
    const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.+)$/.exec(extended.replace(/^"|"$/g, ''));
    if (match?.[2]) {
      try {
        const name = decodeURIComponent(match[2]);
        if (name) return safeName(name, fallback);
      } catch {
        // A malformed percent-encoding falls through to the plain filename.
      }
    }
  }
  const quoted = /filename\s*=\s*"((?:\\.|[^"\\])*)"/i.exec(header)?.[1];
  if (quoted !== undefined) return safeName(quoted.replace(/\\(.)/g, '$1'), fallback);
  const bare = /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  return bare ? safeName(bare, fallback) : fallback;
}

/** Drops any directory part a server might send. */
function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base || fallback;
}
