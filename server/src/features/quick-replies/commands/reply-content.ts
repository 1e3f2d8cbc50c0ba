/**
 * What a reply stores besides what the user typed: the pinyin sort key and the search text; and
 * the compliance gate: an org-wide reply whose text hits a blocking sensitive-content rule is
 * refused (422 `content_blocked`) naming the rule, since everyone would send it to customers.
 */
import type { Ctx } from '../../../app/context.js';
import { DomainError, invalid } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { blockingRuleFor } from '../../compliance/sensitive/index.js';

export type ReplyContent = { title: string; body: string; title_pinyin: string; search_text: string };

/** Trimmed title and text with their derived columns; 400 when either is blank. */
export function replyContent(title: string, text: string): ReplyContent {
  const t = title.trim();
  const body = text.trim();
  if (!t) throw invalid('The reply needs a title', { field: 'title' });
  if (!body) throw invalid('The reply needs a text', { field: 'text' });
  return {
    title: t,
    body,
    title_pinyin: pinyinKeys(t).pinyin,
    search_text: `${t}\n${body}`.toLowerCase(),
  };
}

/** 422 `content_blocked` naming the rule when an org-wide reply's text hits a blocking rule. */
export async function assertNotBlocked(ctx: Pick<Ctx, 'bus' | 'db'>, orgId: string, text: string): Promise<void> {
  const rule = await blockingRuleFor(ctx, orgId, text);
  if (!rule) return;
  throw new DomainError(
    'content_blocked',
    `The reply was not saved: the rule "${rule.name}" blocks ${rule.found.join(', ')}`,
    { rule: { id: rule.id, name: rule.name }, found: rule.found },
  );
}
