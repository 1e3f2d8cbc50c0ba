/**
 * WeChat ids (only when announced), e-mail addresses and links, found in a text folded for
 * detectors: lower case, full-width folded (ｗｗｗ．→ www., ＠ → @, 。→ .), invisible characters gone.
 */
import type { Normalised } from './normalise.js';

export type ContactKind = 'wechat_id' | 'email' | 'url';
export type ContactHit = { kind: ContactKind; start: number; end: number; value: string };

// "微信", "微信号", "vx", "V信", "wx", … (its characters may be spaced out: 微 信, v.x), then at most
// four fillers (号, id, :, 是, spaces), then an id as WeChat allows them: a letter, then 5–19
// letters, digits, - or _. "微信支付" announces nothing.
const ANNOUNCEMENTS = ['微信号', '微信', '威信', '薇信', '徽信', 'v信', 'vx', 'wx', 'weixin', 'wechat'];
const ANNOUNCE = `(?:${ANNOUNCEMENTS.map((w) => [...w].join('[\\s*.·丶]{0,2}')).join('|')})`;
const WECHAT_ID = new RegExp(
  `(?<![a-z0-9])${ANNOUNCE}(?:号|id|账号|帐号)?(?:[\\s:=,、~\\-]|是|为){0,4}([a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])`,
  'g',
);

const EMAIL =
  /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![a-z0-9-])/g;

// Common top-level domains: a bare "example.com" is a link, "report.txt" or "v1.2.3" is not.
const TLDS =
  'com|net|org|cn|io|co|me|info|biz|top|xyz|app|dev|cc|tv|ly|gl|link|site|online|vip|shop|club|ai|hk|tw|mo|jp|kr|' +
  'uk|us|de|fr|ru|eu|ca|au|sg|in|edu|gov|tk|ml|ga|cf|gq|work|ink|fun|live|store|tech|pro|mobi|asia|wang|ren|so|to|' +
  'ws|la|im|fm|sh|icu|cyou|win|bid|click|cloud|page|space|website|news|blog|today|red|ltd|group|run|plus|zone';
// Where a link's path ends: spaces, quotes, brackets, CJK text and CJK punctuation.
const PATH = `[^\\s<>"'\`\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]`;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const URL = new RegExp(
  [
    `https?://${PATH}+`,
    `(?<![a-z0-9@._-])www\\.${LABEL}(?:\\.${LABEL})*(?::\\d{1,5})?(?:[/?#]${PATH}*)?`,
    `(?<![a-z0-9@._-])(?:${LABEL}\\.)+(?:${TLDS})(?![a-z0-9-])(?::\\d{1,5})?(?:[/?#]${PATH}*)?`,
  ].join('|'),
  'g',
);
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** Cues, one bit each: what a text holds that some contact detector needs. */
export const CUE_WECHAT = 1;
export const CUE_EMAIL = 2;
export const CUE_URL = 4;

const AT = 0x40;
const DOT = 0x2e;
const COLON = 0x3a;
const SLASH = 0x2f;
const XIN = 0x4fe1; // 信
const isAlnum = (u: number | undefined) => u !== undefined && ((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39));

/**
 * One pass over the folded units that tells which contact detectors can find anything: most
 * messages hold no @, no dot before a letter, no 信/x/w, and need no regular expression at all.
 */
export function contactCues(units: Uint16Array): number {
  let cues = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as number;
    if (u === XIN || u === 0x78 || u === 0x77) cues |= CUE_WECHAT;
    else if (u === AT) cues |= CUE_EMAIL;
    else if (u === DOT && isAlnum(units[i + 1])) cues |= CUE_URL;
    else if (u === COLON && units[i + 1] === SLASH && units[i + 2] === SLASH) cues |= CUE_URL;
  }
  return cues;
}

/** WeChat ids that follow an announcement such as 微信号: or vx. */
export function detectWechatIds(n: Normalised, hits: ContactHit[]): void {
  for (const m of n.text.matchAll(WECHAT_ID)) {
    const id = m[1] as string;
    const to = m.index + m[0].length;
    hits.push({ kind: 'wechat_id', ...n.span(to - id.length, to), value: id });
  }
}

/** E-mail addresses. */
export function detectEmails(n: Normalised, hits: ContactHit[]): void {
  for (const m of n.text.matchAll(EMAIL)) {
    hits.push({ kind: 'email', ...n.span(m.index, m.index + m[0].length), value: m[0] });
  }
}

/** Links: with a scheme, starting www., or a bare domain under a common top-level domain. */
export function detectUrls(n: Normalised, hits: ContactHit[]): void {
  for (const m of n.text.matchAll(URL)) {
    const value = m[0].replace(TRAILING_PUNCTUATION, '');
    if (value.length === 0 || value.endsWith('//')) continue;
    hits.push({ kind: 'url', ...n.span(m.index, m.index + value.length), value });
  }
}
