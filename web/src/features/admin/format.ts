/** Small display formatters shared by the admin tables: local date-times and short user agents. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-01-31 09:05:07" in the browser's local time zone; "" for a missing or bad instant. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "2025-01-31" in local time. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

const BROWSERS: [RegExp, string][] = [
  [/wxwork\/([\d.]+)/i, 'WeCom'],
  [/DingTalk\/([\d.]+)/i, 'DingTalk'],
  [/Lark\/([\d.]+)|Feishu\/([\d.]+)/i, 'Feishu'],
  [/MicroMessenger\/([\d.]+)/i, 'WeChat'],
  [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/OPR\/([\d.]+)/, 'Opera'],
  [/Firefox\/([\d.]+)/, 'Firefox'],
  [/HeadlessChrome\/([\d.]+)/, 'Headless Chrome'],
  [/(?:Chrome|CriOS)\/([\d.]+)/, 'Chrome'],
  [/Version\/([\d.]+).*Safari\//, 'Safari'],
  [/curl\/([\d.]+)/i, 'curl'],
  [/node(?:-fetch)?\/?([\d.]*)/i, 'Node.js'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 120 · Windows" from a user agent; unknown agents are cut to 40 characters. */
export function shortUserAgent(ua: string | null | undefined): string {
  if (!ua) return '';
  let browser = '';
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      const version = (match[1] ?? match[2] ?? '').split('.')[0];
      browser = version ? `${name} ${version}` : name;
      break;
    }
  }
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  if (!browser && !system) return ua.length > 40 ? `${ua.slice(0, 39)}…` : ua;
  return [browser, system].filter(Boolean).join(' · ');
}
