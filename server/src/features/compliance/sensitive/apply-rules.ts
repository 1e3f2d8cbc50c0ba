/**
 * Applying an org's rules to one text: which rules look at this message (scope), what each of
 * them finds (every lexicon scanned once, the detectors run once for all rules), the strongest
 * action among the rules hit, and the text with the hits of masking and blocking rules hidden.
 * Pure: the caller brings the rule set and, for department scopes, the department tree.
 */
import type { SensitiveAction } from '@concord/protocol';
import { type DepartmentTree, isWithin } from '../../../authz/department-tree.js';
import { type DetectorKind, detect, type LexiconCategory, type LexiconHit, maskText } from '../engine/index.js';
import type { ActiveRule, RuleSet } from './rule-set.js';

export type Hit =
  | { type: 'word'; word: string; category: LexiconCategory; start: number; end: number; text: string }
  | { type: 'detector'; kind: DetectorKind; start: number; end: number; text: string };

export type RuleHit = { rule: ActiveRule; hits: Hit[] };

export type Sender = {
  conversationKind: string;
  departmentIds: readonly string[];
  /** Needed only when a rule is scoped to departments. */
  tree: DepartmentTree | null;
};

const STRENGTH: Record<SensitiveAction, number> = { record: 0, mask: 1, block: 2 };

/** Whether a rule looks at a message of this sender in this conversation. */
export function ruleApplies(rule: ActiveRule, sender: Sender): boolean {
  if (rule.scope === 'all') return true;
  if (rule.scope === 'external') return sender.conversationKind === 'external';
  const tree = sender.tree;
  if (!tree) return false;
  return sender.departmentIds.some((d) => rule.departmentIds.some((root) => isWithin(tree, d, root)));
}

/** The hits of every rule given, in text order; rules without a hit are left out. */
export function findRuleHits(text: string, rules: readonly ActiveRule[], set: Pick<RuleSet, 'matchers'>): RuleHit[] {
  const lexiconHits = new Map<string, LexiconHit[]>();
  for (const rule of rules) {
    for (const id of rule.lexiconIds) {
      const matcher = set.matchers.get(id);
      if (matcher && !lexiconHits.has(id)) lexiconHits.set(id, matcher.scanText(text));
    }
  }
  const kinds = [...new Set(rules.flatMap((r) => r.detectors))];
  const detected = kinds.length === 0 ? [] : detect(text, kinds);
  const out: RuleHit[] = [];
  for (const rule of rules) {
    const hits: Hit[] = [];
    const seen = new Set<string>();
    for (const id of rule.lexiconIds) {
      for (const h of lexiconHits.get(id) ?? []) {
        const key = `${h.start}:${h.end}:${h.word}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          type: 'word',
          word: h.word,
          category: h.category,
          start: h.start,
          end: h.end,
          text: text.slice(h.start, h.end),
        });
      }
    }
    for (const h of detected) {
      if (!rule.detectors.includes(h.kind)) continue;
      hits.push({ type: 'detector', kind: h.kind, start: h.start, end: h.end, text: text.slice(h.start, h.end) });
    }
    if (hits.length === 0) continue;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    out.push({ rule, hits });
  }
  return out;
}

/** The strongest action among the rules hit; null when none was. */
export function outcomeOf(ruleHits: readonly RuleHit[]): SensitiveAction | null {
  let best: SensitiveAction | null = null;
  for (const { rule } of ruleHits) if (!best || STRENGTH[rule.action] > STRENGTH[best]) best = rule.action;
  return best;
}

/** The text with every hit of a masking or blocking rule hidden (recording rules hide nothing). */
export function maskRuleHits(text: string, ruleHits: readonly RuleHit[]): string {
  const spans = ruleHits.filter((r) => r.rule.action !== 'record').flatMap((r) => r.hits);
  return spans.length === 0 ? text : maskText(text, spans);
}
