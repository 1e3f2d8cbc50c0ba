/**
 * The org's sensitive-content rules on every message sent or edited, registered with messaging
 * at start-up. Block: the message is refused with 422 `content_blocked` naming the rule and what
 * it found, nothing is stored. Mask: recipients get the hits replaced by asterisks while the text
 * as written is kept for the archive only. Record: the message goes out as written. Each rule hit
 * becomes an alert.
 */
import type { Ctx } from '../../../app/context.js';
import { loadDepartmentTree } from '../../../authz/department-tree.js';
import type { EventBus } from '../../../platform/bus.js';
import { DomainError } from '../../../platform/errors.js';
import { type OutgoingCheck, registerOutgoingCheck } from '../../messaging/index.js';
import { findRuleHits, maskRuleHits, outcomeOf, type RuleHit, ruleApplies } from './apply-rules.js';
import { alertDrafts, announceAlerts, insertAlerts } from './record-alerts.js';
import { SensitiveRuleSets } from './rule-set.js';

const ruleSets = new WeakMap<EventBus, SensitiveRuleSets>();

/** This server's compiled rule sets (one per bus, like the checks themselves). */
export function sensitiveRuleSetsOf(ctx: Pick<Ctx, 'bus'>): SensitiveRuleSets {
  let sets = ruleSets.get(ctx.bus);
  if (!sets) {
    sets = new SensitiveRuleSets();
    ruleSets.set(ctx.bus, sets);
  }
  return sets;
}

/** What a refused message's error names: the rule (the first blocking one) and its hits. */
function blockedError(ruleHits: readonly RuleHit[]): DomainError {
  const blocking = ruleHits.filter((r) => r.rule.action === 'block');
  const first = blocking[0] as RuleHit;
  const found = [...new Set(first.hits.map((h) => (h.type === 'word' ? h.word : h.kind)))];
  return new DomainError(
    'content_blocked',
    `Your message was not sent: the rule "${first.rule.name}" blocks ${found.join(', ')}`,
    {
      rule: { id: first.rule.id, name: first.rule.name },
      rules: blocking.map((r) => ({ id: r.rule.id, name: r.rule.name })),
      hits: first.hits.map((h) =>
        h.type === 'word'
          ? { type: h.type, word: h.word, category: h.category, text: h.text }
          : { type: h.type, kind: h.kind, text: h.text },
      ),
    },
  );
}

export const sensitiveContentCheck: OutgoingCheck = async (ctx, message) => {
  const { actor, conversation } = message;
  const set = await sensitiveRuleSetsOf(ctx).current(ctx.db, actor.orgId);
  if (set.rules.length === 0) return null;
  const needsTree = actor.departmentIds.length > 0 && set.rules.some((r) => r.scope === 'departments');
  const sender = {
    conversationKind: conversation.kind,
    departmentIds: actor.departmentIds,
    tree: needsTree ? await loadDepartmentTree(ctx.db, actor.orgId) : null,
  };
  const rules = set.rules.filter((r) => ruleApplies(r, sender));
  if (rules.length === 0) return null;
  const ruleHits = findRuleHits(message.body, rules, set);
  const outcome = outcomeOf(ruleHits);
  if (!outcome) return null;

  const drafts = alertDrafts(ctx, {
    orgId: actor.orgId,
    conversationId: conversation.id,
    sender: { id: actor.memberId, name: actor.name },
    source: message.source,
    text: message.body,
    outcome,
    ruleHits,
  });
  if (outcome === 'block') {
    await ctx.db.transaction().execute((tx) => insertAlerts(tx, drafts, message.messageId));
    announceAlerts(ctx, drafts, actor.departmentIds);
    throw blockedError(ruleHits);
  }
  return {
    body: outcome === 'mask' ? maskRuleHits(message.body, ruleHits) : message.body,
    stored: (tx, stored) => insertAlerts(tx, drafts, stored.id),
    committed: () => announceAlerts(ctx, drafts, actor.departmentIds),
  };
};

/** Start-up wiring: every outgoing message of this server passes the org's rules. */
export function registerSensitiveContentCheck(ctx: Ctx): void {
  registerOutgoingCheck(ctx, sensitiveContentCheck);
}
