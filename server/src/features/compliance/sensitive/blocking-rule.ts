/**
 * For other features that store text meant for customers (quick replies): the first enabled
 * blocking rule of the org the text hits, whatever the rule's scope, since a stored snippet may
 * later go to any conversation. Nothing is stored and no alert is raised.
 */
import type { Ctx } from '../../../app/context.js';
import { findRuleHits } from './apply-rules.js';
import { sensitiveRuleSetsOf } from './message-check.js';

export type BlockingRule = { id: string; name: string; found: string[] };

/** The first blocking rule the text hits, with what it found; null when no blocking rule fires. */
export async function blockingRuleFor(ctx: Pick<Ctx, 'bus' | 'db'>, orgId: string, text: string) {
  const set = await sensitiveRuleSetsOf(ctx).current(ctx.db, orgId);
  const blocking = set.rules.filter((r) => r.action === 'block');
  if (blocking.length === 0) return null;
  const [first] = findRuleHits(text, blocking, set);
  if (!first) return null;
  const found = [...new Set(first.hits.map((h) => (h.type === 'word' ? h.word : h.kind)))];
  return { id: first.rule.id, name: first.rule.name, found } satisfies BlockingRule;
}
