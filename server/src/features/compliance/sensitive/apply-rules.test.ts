import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DepartmentTree } from '../../../authz/department-tree.js';
import { compileLexicon } from '../engine/index.js';
import { findRuleHits, maskRuleHits, outcomeOf, ruleApplies } from './apply-rules.js';
import type { ActiveRule, RuleSet } from './rule-set.js';

const rule = (over: Partial<ActiveRule>): ActiveRule => ({
  id: over.id ?? 'r',
  name: over.name ?? '规则',
  action: 'record',
  scope: 'all',
  departmentIds: [],
  lexiconIds: [],
  detectors: [],
  ...over,
});

const set = (lexicons: Record<string, string[]>): Pick<RuleSet, 'matchers'> => ({
  matchers: new Map(
    Object.entries(lexicons).map(([id, words]) => [
      id,
      compileLexicon(words.map((word) => ({ word, category: 'custom' as const }))),
    ]),
  ),
});

// 总部 → 销售部 → 一店; 总部 → 人事部
const tree: DepartmentTree = {
  parentOf: new Map<string, string | null>([
    ['hq', null],
    ['sales', 'hq'],
    ['shop', 'sales'],
    ['hr', 'hq'],
  ]),
  childrenOf: new Map([
    ['hq', ['sales', 'hr']],
    ['sales', ['shop']],
  ]),
};

describe('applying rules to a text', () => {
  it('scopes rules to all messages, external groups, or senders in chosen departments and below', () => {
    const inShop = { conversationKind: 'group', departmentIds: ['shop'], tree };
    const inHr = { conversationKind: 'external', departmentIds: ['hr'], tree };
    const guest = { conversationKind: 'external', departmentIds: [], tree: null };
    const departments = rule({ scope: 'departments', departmentIds: ['sales'] });
    expect(ruleApplies(departments, inShop)).toBe(true);
    expect(ruleApplies(departments, inHr)).toBe(false);
    expect(ruleApplies(departments, guest)).toBe(false);
    expect(ruleApplies(rule({ scope: 'external' }), inShop)).toBe(false);
    expect(ruleApplies(rule({ scope: 'external' }), guest)).toBe(true);
    expect(ruleApplies(rule({ scope: 'all' }), guest)).toBe(true);
  });

  it('gives each rule its own hits and the strongest action to the message', () => {
    const lexicons = set({ a: ['私下转账'], b: ['加我微信', '私下转账'] });
    const rules = [
      rule({ id: 'block', action: 'block', lexiconIds: ['a'] }),
      rule({ id: 'mask', action: 'mask', lexiconIds: ['b'], detectors: ['mobile'] }),
      rule({ id: 'quiet', action: 'record', lexiconIds: ['b'] }),
    ];
    const text = '加我微信，私下转账，电话13812345678';
    const hits = findRuleHits(text, rules, lexicons);
    expect(hits.map((h) => [h.rule.id, h.hits.map((x) => x.text)])).toEqual([
      ['block', ['私下转账']],
      ['mask', ['加我微信', '私下转账', '13812345678']],
      ['quiet', ['加我微信', '私下转账']],
    ]);
    expect(outcomeOf(hits)).toBe('block');
    expect(outcomeOf(hits.slice(1))).toBe('mask');
    expect(outcomeOf(hits.slice(2))).toBe('record');
    expect(outcomeOf([])).toBeNull();
    expect(maskRuleHits(text, hits.slice(2))).toBe(text);
    expect(maskRuleHits(text, hits)).toBe('****，****，电话***********');
  });

  it('masks exactly the characters of masking hits and keeps every other character', () => {
    const lexicons = set({ l: ['加我微信', 'vx', '私下转账'] });
    const rules = [rule({ action: 'mask', lexiconIds: ['l'] })];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('加', '我', '微', '信', '*', ' ', 'v', 'x', '好', '私', '下', '转', '账', 'a'), {
          maxLength: 40,
        }),
        (chars) => {
          const text = chars.join('');
          const hits = findRuleHits(text, rules, lexicons);
          const masked = maskRuleHits(text, hits);
          expect(masked.length).toBe(text.length);
          const covered = new Set(hits.flatMap((h) => h.hits.flatMap((x) => range(x.start, x.end))));
          for (let i = 0; i < text.length; i++) {
            expect(masked[i]).toBe(covered.has(i) ? '*' : text[i]);
          }
        },
      ),
    );
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
