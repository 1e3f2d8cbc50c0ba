/**
 * Keyword auto-replies of a customer group ("回复1获取福利" → the set reply): each rule has
 * keywords, how they match (the whole message, or anywhere in it) and the reply. Matching
 * ignores case, full-width forms and surrounding spaces, so "１" and "1" are the same answer.
 */
export type AutoReplyMatch = 'exact' | 'contains';
export type AutoReplyRule = { keywords: string[]; match: AutoReplyMatch; reply: string };

export const AUTO_REPLY_LIMITS = { rules: 20, keywords: 10, keywordLength: 30, replyLength: 500 } as const;

/** NFKC folds full-width letters and digits; lower case makes "VIP" and "vip" one keyword. */
const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/** The stored rules; anything malformed reads as no rule. */
export function parseAutoReplies(text: string): AutoReplyRule[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is AutoReplyRule =>
      typeof r === 'object' &&
      r !== null &&
      Array.isArray(r.keywords) &&
      r.keywords.every((k: unknown) => typeof k === 'string') &&
      (r.match === 'exact' || r.match === 'contains') &&
      typeof r.reply === 'string',
  );
}

/** Trims keywords and drops blanks and repeats; a rule left with no keyword is refused by the caller. */
export function cleanRule(rule: AutoReplyRule): AutoReplyRule {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const k of rule.keywords) {
    const trimmed = k.trim();
    if (trimmed && !seen.has(fold(trimmed))) {
      seen.add(fold(trimmed));
      keywords.push(trimmed);
    }
  }
  return { keywords, match: rule.match, reply: rule.reply.trim() };
}

/** The reply of the first rule the message matches, or null. */
export function autoReplyFor(rules: readonly AutoReplyRule[], body: string): string | null {
  const text = fold(body);
  if (!text) return null;
  for (const rule of rules) {
    const hit = rule.keywords.some((k) => {
      const key = fold(k);
      return key !== '' && (rule.match === 'exact' ? text === key : text.includes(key));
    });
    if (hit) return rule.reply;
  }
  return null;
}
