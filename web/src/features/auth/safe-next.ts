/**
 * Where to go after sign-in. `next` comes from the address bar, so only paths on this site are
 * followed ("/directory?x=1"); anything that could leave the site ("//evil", "https:…", "/\\evil")
 * or loop back to the sign-in pages falls back to the home page.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw?.startsWith('/')) return '/';
  if (raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters and backslashes can be read as a host by some browsers.
  if ([...raw].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  const path = raw.split(/[?#]/)[0] ?? '';
  if (path === '/login' || path === '/setup') return '/';
  return raw;
}
