/** Pure helpers of quick replies: the `/` shortcut, inserting a reply, error texts, category choices. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import type { QuickReplyCategory, ReplyScope } from './api';

/**
 * The keyword typed after a `/` that opens an otherwise empty composer (`/发货` → `发货`);
 * null when the text is not such a shortcut (anything before the slash, or a line break).
 */
export function slashQuery(text: string): string | null {
  if (!text.startsWith('/') || text.includes('\n')) return null;
  return text.slice(1);
}

/** The composer's text after inserting a reply: a `/` shortcut is replaced, other text kept before it. */
export function insertReply(current: string, reply: string): string {
  if (slashQuery(current) !== null || current.trim() === '') return reply;
  return /\s$/.test(current) ? `${current}${reply}` : `${current}\n${reply}`;
}

/** The rule named by a `content_blocked` refusal, if any. */
export function blockedRuleName(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'content_blocked') return null;
  const name = (error.details as { rule?: { name?: unknown } } | undefined)?.rule?.name;
  return typeof name === 'string' ? name : null;
}

/** What to tell the user when a change is refused: the blocking rule by name, else the code's text. */
export function replyErrorText(t: TFunction, error: unknown): string {
  const rule = blockedRuleName(error);
  return rule ? t('quickReplies:blocked', { rule }) : errorText(t, error);
}

/** The categories a reply of this scope may go in. */
export function categoriesFor(categories: readonly QuickReplyCategory[], scope: ReplyScope): QuickReplyCategory[] {
  return categories.filter((c) => c.scope === scope);
}
