/**
 * "Test this text" for the rules editor (archive.manage): every enabled rule of the org, whatever
 * its scope, applied to a sample text; answers what each rule finds, the action that would apply
 * and the text as recipients would see it. Nothing is stored and no alert is raised.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { findRuleHits, maskRuleHits, outcomeOf } from './apply-rules.js';
import { sensitiveRuleSetsOf } from './message-check.js';

export async function testText(ctx: Ctx, actor: Actor, text: string) {
  await assertMay(ctx, actor, 'archive.manage');
  const set = await sensitiveRuleSetsOf(ctx).current(ctx.db, actor.orgId);
  const ruleHits = findRuleHits(text, set.rules, set);
  return {
    action: outcomeOf(ruleHits),
    masked: maskRuleHits(text, ruleHits),
    rules: ruleHits.map(({ rule, hits }) => ({
      id: rule.id,
      name: rule.name,
      action: rule.action,
      scope: rule.scope,
      hits,
    })),
  };
}
