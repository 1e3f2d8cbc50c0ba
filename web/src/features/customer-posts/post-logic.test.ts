import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { postBody, postErrorText } from './post-logic';

describe('post composer', () => {
  it('sends trimmed text, images, a link and only the tag filters chosen', () => {
    expect(
      postBody(
        {
          kind: 'member',
          text: '  新品上市 ',
          linkUrl: ' https://example.com ',
          linkTitle: ' 目录 ',
          tagsAll: ['t1'],
          tagsAny: [],
        },
        ['i1'],
      ),
    ).toEqual({
      kind: 'member',
      text: '新品上市',
      imageIds: ['i1'],
      link: { url: 'https://example.com', title: '目录' },
      tagsAll: ['t1'],
    });
    expect(postBody({ kind: 'org', text: '', linkUrl: 'https://example.com' }, [])).toEqual({
      kind: 'org',
      text: '',
      link: { url: 'https://example.com' },
    });
  });

  it('has nothing to send without text, image or link', () => {
    expect(postBody({ kind: 'member', text: '   ', tagsAll: ['t1'] }, [])).toBeNull();
  });

  it('names the sensitive rule that blocked the text', () => {
    const t = ((key: string, values?: Record<string, string>) => `${key}:${values?.rule}:${values?.found}`) as never;
    const error = new ApiError('content_blocked', 'blocked', 422, {
      rule: { name: '禁止承诺收益' },
      found: ['保证收益', '稳赚'],
    });
    expect(postErrorText(t, error)).toBe('customerPosts:blocked:禁止承诺收益:保证收益、稳赚');
  });
});
