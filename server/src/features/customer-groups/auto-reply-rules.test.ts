import { describe, expect, it } from 'vitest';
import { type AutoReplyRule, autoReplyFor, cleanRule, parseAutoReplies } from './auto-reply-rules.js';

const rules: AutoReplyRule[] = [
  { keywords: ['1'], match: 'exact', reply: '福利领取链接：https://example.com/gift' },
  { keywords: ['价格', 'Price'], match: 'contains', reply: '报价请咨询群主' },
];

describe('auto-reply rules', () => {
  it('answers an exact keyword, in full-width too, and not when it is only part of the message', () => {
    expect(autoReplyFor(rules, '1')).toBe('福利领取链接：https://example.com/gift');
    expect(autoReplyFor(rules, ' １ ')).toBe('福利领取链接：https://example.com/gift');
    expect(autoReplyFor(rules, '我选1号')).toBeNull();
  });

  it('answers a keyword anywhere in the message, ignoring case, first matching rule first', () => {
    expect(autoReplyFor(rules, '请问打印机价格多少')).toBe('报价请咨询群主');
    expect(autoReplyFor(rules, 'what is the PRICE?')).toBe('报价请咨询群主');
    expect(autoReplyFor(rules, '你好')).toBeNull();
    expect(autoReplyFor(rules, '   ')).toBeNull();
  });

  it('reads malformed storage as no rules and cleans keywords', () => {
    expect(parseAutoReplies('not json')).toEqual([]);
    expect(parseAutoReplies('[{"keywords":"x","match":"exact","reply":"r"}]')).toEqual([]);
    expect(parseAutoReplies(JSON.stringify(rules))).toEqual(rules);
    expect(cleanRule({ keywords: [' 福利 ', '', '福利', 'VIP', 'vip'], match: 'contains', reply: ' 好 ' })).toEqual({
      keywords: ['福利', 'VIP'],
      match: 'contains',
      reply: '好',
    });
  });
});
