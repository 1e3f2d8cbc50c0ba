/**
 * Anti-harassment rules of a group, kept in `conversations.settings.harassment`, and the pure
 * matchers that decide whether a message breaks them (links, keywords). The flood rule needs
 * the message history and lives in `harassment-check.ts`.
 */
import { parseConversationSettings } from './conversation-rules.js';

export type HarassmentAction = 'warn' | 'delete' | 'remove';
export type HarassmentRule = 'link' | 'keyword' | 'flood';
export type FloodLimit = { maxMessages: number; perSeconds: number };

export type HarassmentRules = {
  blockLinks: boolean;
  blockedKeywords: string[];
  flood: FloodLimit | null;
  action: HarassmentAction;
};

export const KEYWORDS_MAX = 200;
export const KEYWORD_LENGTH_MAX = 50;

export const NO_RULES: HarassmentRules = { blockLinks: false, blockedKeywords: [], flood: null, action: 'warn' };

const ACTIONS: readonly string[] = ['warn', 'delete', 'remove'];

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The rules stored in a conversation's settings text; anything malformed reads as "no rule". */
export function harassmentRulesOf(settingsText: string): HarassmentRules {
  const raw = parseConversationSettings(settingsText).harassment;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return NO_RULES;
  const r = raw as Record<string, unknown>;
  const flood = r.flood as Record<string, unknown> | null | undefined;
  return {
    blockLinks: r.blockLinks === true,
    blockedKeywords: Array.isArray(r.blockedKeywords)
      ? r.blockedKeywords.filter((k): k is string => typeof k === 'string' && k !== '')
      : [],
    flood:
      flood && positiveInt(flood.maxMessages) && positiveInt(flood.perSeconds)
        ? { maxMessages: flood.maxMessages, perSeconds: flood.perSeconds }
        : null,
    action: typeof r.action === 'string' && ACTIONS.includes(r.action) ? (r.action as HarassmentAction) : 'warn',
  };
}

/** Full-width letters and case do not dodge a rule: "ＷＷＷ．" is "www.", "VX" is "vx". */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Common top-level domains: a bare "example.com" is a link, "file.txt" or "v1.2" is not.
const TLDS =
  'com|net|org|cn|io|co|me|info|biz|top|xyz|app|dev|cc|tv|ly|gl|link|site|online|vip|shop|club|ai|hk|tw|mo|jp|kr|' +
  'uk|us|de|fr|ru|eu|ca|au|sg|in|edu|gov|tk|ml|ga|cf|gq|work|ink|fun|live|store|tech|pro|mobi|asia|wang|ren|so|to|' +
  'ws|la|im|fm|sh|icu|cyou|win|bid|click|cloud|page|space|website|news|blog|today|red|ltd|group|run|plus|zone';
const SCHEME = /\bhttps?:\/\//;
const WWW = /(?:^|[^a-z0-9-])www\./;
// A label chain ending in a known TLD, not inside an e-mail address or a longer word.
const DOMAIN = new RegExp(`(?<![a-z0-9@._-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLDS})(?![a-z0-9-])`);

/** The first link-like token of the text (a URL, a www. address or a bare domain), or null. */
export function findLink(text: string): string | null {
  const t = normalizeForMatch(text);
  const scheme = SCHEME.exec(t);
  if (scheme) return scheme[0];
  const www = WWW.exec(t);
  if (www) return 'www.';
  const domain = DOMAIN.exec(t);
  return domain ? domain[0] : null;
}

/** The first blocked keyword the text contains (case-insensitive substring), or null. */
export function findKeyword(text: string, keywords: readonly string[]): string | null {
  const t = normalizeForMatch(text);
  return keywords.find((k) => t.includes(normalizeForMatch(k))) ?? null;
}
