/** The composer's @-mentions: which picked members are still named in the text when it is sent. */
export type PickedMention = { id: string; name: string };

/** The text typed after an '@' right before the caret (no whitespace), or null when not mentioning. */
export function activeMentionQuery(text: string, caret: number): string | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (/\s/.test(query)) return null;
  // '@' inside a word (e.g. an e-mail address) does not start a mention.
  if (at > 0 && !/\s/.test(before.charAt(at - 1))) return null;
  return query;
}

/**
 * Mention ids for the text: members picked from the list whose `@name` is still there, and
 * mentionAll when `@<allLabel>` is (only offered to owners and admins).
 */
export function resolveMentions(
  text: string,
  picked: PickedMention[],
  allLabel: string,
  canMentionAll: boolean,
): { mentions: string[]; mentionAll: boolean } {
  const present = (name: string) => new RegExp(`(^|\\s)@${escapeRegExp(name)}(?=\\s|$)`).test(text);
  const mentions = [...new Set(picked.filter((p) => p.id !== ALL_ID && present(p.name)).map((p) => p.id))];
  const mentionAll = canMentionAll && present(allLabel);
  return { mentions, mentionAll };
}

export const ALL_ID = '__all__';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
