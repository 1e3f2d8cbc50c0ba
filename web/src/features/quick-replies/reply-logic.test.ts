import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import type { QuickReplyCategory } from './api';
import { blockedRuleName, categoriesFor, insertReply, slashQuery } from './reply-logic';

describe('the / shortcut', () => {
  it('reads the keyword after a slash that opens the composer', () => {
    expect(slashQuery('/发货')).toBe('发货');
    expect(slashQuery('/')).toBe('');
  });
  it('ignores text that does not start with a slash or spans lines', () => {
    expect(slashQuery('你好 /发货')).toBeNull();
    expect(slashQuery('/发货\n第二行')).toBeNull();
    expect(slashQuery('')).toBeNull();
  });
});

describe('inserting a reply', () => {
  it('replaces an empty composer or a / shortcut', () => {
    expect(insertReply('', '您好')).toBe('您好');
    expect(insertReply('  ', '您好')).toBe('您好');
    expect(insertReply('/问候', '您好')).toBe('您好');
  });
  it('keeps what was typed and puts the reply on a new line', () => {
    expect(insertReply('王总，', '您好')).toBe('王总，\n您好');
    expect(insertReply('王总 ', '您好')).toBe('王总 您好');
  });
});

describe('refusals and categories', () => {
  it('names the blocking rule of a content_blocked refusal only', () => {
    const blocked = new ApiError('content_blocked', 'x', 422, { rule: { id: '1', name: '禁止承诺收益' } });
    expect(blockedRuleName(blocked)).toBe('禁止承诺收益');
    expect(blockedRuleName(new ApiError('forbidden', 'x', 403))).toBeNull();
    expect(blockedRuleName(new Error('x'))).toBeNull();
  });
  it('offers only categories of the reply’s kind', () => {
    const category = (id: string, scope: 'org' | 'personal'): QuickReplyCategory => ({
      id,
      name: id,
      scope,
      sortOrder: 0,
      replyCount: 0,
      canEdit: true,
    });
    const all = [category('a', 'org'), category('b', 'personal'), category('c', 'org')];
    expect(categoriesFor(all, 'org').map((c) => c.id)).toEqual(['a', 'c']);
    expect(categoriesFor(all, 'personal').map((c) => c.id)).toEqual(['b']);
  });
});
