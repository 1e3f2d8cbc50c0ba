/** A short, readable device name from a User-Agent header: "Chrome 126 · Windows". */

export type DeviceInfo = { label: string; mobile: boolean };

const BROWSERS: [RegExp, string][] = [
  [/wxwork\/([\d.]+)/i, 'WeCom'],
  [/MicroMessenger\/([\d.]+)/i, 'WeChat'],
  [/DingTalk\/([\d.]+)/i, 'DingTalk'],
  [/Lark\/([\d.]+)|Feishu\/([\d.]+)/i, 'Feishu'],
  [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/OPR\/([\d.]+)/, 'Opera'],
  [/Firefox\/([\d.]+)|FxiOS\/([\d.]+)/, 'Firefox'],
  [/CriOS\/([\d.]+)/, 'Chrome'],
  [/HeadlessChrome\/([\d.]+)/, 'Headless Chrome'],
  [/Chrome\/([\d.]+)/, 'Chrome'],
  [/Version\/([\d.]+).*Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string, boolean][] = [
  [/iPhone/, 'iPhone', true],
  [/iPad/, 'iPad', true],
  [/HarmonyOS|OpenHarmony/i, 'HarmonyOS', true],
  [/Android/, 'Android', true],
  [/Windows/, 'Windows', false],
  [/Mac OS X|Macintosh/, 'macOS', false],
  [/CrOS/, 'ChromeOS', false],
  [/Linux/, 'Linux', false],
];

function browserOf(ua: string): string | null {
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      const version = match.slice(1).find((v) => v !== undefined);
      const major = version?.split('.')[0];
      return major ? `${name} ${major}` : name;
    }
  }
  return null;
}

/** The device a session came from; null when the User-Agent is missing. */
export function describeUserAgent(ua: string | null | undefined): DeviceInfo | null {
  const trimmed = ua?.trim();
  if (!trimmed) return null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(trimmed));
  const browser = browserOf(trimmed);
  if (browser || system) {
    const label = [browser, system?.[1]].filter((part): part is string => Boolean(part)).join(' · ');
    return { label, mobile: system?.[2] ?? /Mobile/.test(trimmed) };
  }
  // Scripts and tools ("curl/8.5.0", "node"): their first product token says enough.
  const first = trimmed.split(/\s+/)[0] ?? trimmed;
  return { label: first.length > 40 ? `${first.slice(0, 40)}…` : first, mobile: false };
}
