import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { sendErrorText } from './send-error-text';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('why a message was not sent', () => {
  it('names the sensitive-content rule and the words it found', () => {
    const error = new ApiError('content_blocked', 'blocked', 422, {
      rule: { id: 'r1', name: '禁止私下交易' },
      hits: [
        { type: 'word', word: '私下转账', text: '私下 转账' },
        { type: 'word', word: '私下转账', text: '私下转账' },
        { type: 'detector', kind: 'mobile', text: '13812345678' },
      ],
    });
    expect(sendErrorText(t, error)).toBe(
      'messages:message.blocked {"rule":"禁止私下交易","words":"私下转账, 13812345678"}',
    );
  });

  it('falls back to the error code’s text', () => {
    expect(sendErrorText(t, new ApiError('content_blocked', 'blocked', 422))).toContain(
      'common:errors.content_blocked',
    );
    expect(sendErrorText(t, new ApiError('conflict', 'x', 409))).toContain('common:errors.conflict');
  });
});
