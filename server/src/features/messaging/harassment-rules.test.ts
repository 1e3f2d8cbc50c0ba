import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeyword, findLink, harassmentRulesOf, NO_RULES } from './harassment-rules.js';

describe('link detection', () => {
  it.each([
    ['看这个 https://example.org/a', 'https://'],
    ['HTTP://EXAMPLE.ORG', 'http://'],
    ['上 www.taobao 看看', 'www.'],
    ['加我ｗｗｗ．abc', 'www.'],
    ['访问example.com领红包', 'example.com'],
    ['shop.some-brand.cn/x', 'shop.some-brand.cn'],
  ])('finds a link in %s', (text, match) => {
    expect(findLink(text)).toBe(match);
  });

  it.each(['明天 3.14 点开会', '附件 report.txt 已更新', '版本 v1.2.3', '邮件发到 zhang@example.com', 'no links here'])(
    'finds no link in %s',
    (text) => {
      expect(findLink(text)).toBeNull();
    },
  );
});

describe('keyword matching', () => {
  it('matches case-insensitively, by substring, in Chinese too', () => {
    expect(findKeyword('加我VX领取', ['vx'])).toBe('vx');
    expect(findKeyword('这里有兼职刷单', ['刷单'])).toBe('刷单');
    expect(findKeyword('正常的工作消息', ['刷单', 'vx'])).toBeNull();
  });

  it('always finds a keyword embedded anywhere in a text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 10 }), fc.string(), (a, k, b) => {
        expect(findKeyword(`${a}${k}${b}`, [k])).not.toBeNull();
      }),
    );
  });
});

describe('stored rules', () => {
  it('reads missing or malformed rules as no rule at all', () => {
    expect(harassmentRulesOf('{}')).toEqual(NO_RULES);
    expect(harassmentRulesOf('not json')).toEqual(NO_RULES);
    expect(harassmentRulesOf('{"harassment":{"flood":{"maxMessages":0,"perSeconds":5},"action":"ban"}}')).toEqual(
      NO_RULES,
    );
  });
});
