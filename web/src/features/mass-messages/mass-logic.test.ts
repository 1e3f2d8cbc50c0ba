import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { massErrorText, statusColor, targetFilter } from './mass-logic';

const t = ((key: string, values?: Record<string, string>) =>
  values ? `${key}:${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('mass-message helpers', () => {
  it('leaves empty choices out of the filter sent for the preview and the submission', () => {
    expect(targetFilter({ tagsAll: [], tagsAny: ['a'], tagsNone: undefined, stageId: null, ownerId: 'm1' })).toEqual({
      tagsAny: ['a'],
      ownerId: 'm1',
    });
    expect(targetFilter({})).toEqual({});
  });

  it('names the blocking rule, and says when no customer matches', () => {
    const blocked = new ApiError('content_blocked', 'x', 422, { rule: { name: '禁止承诺收益' } });
    expect(massErrorText(t, blocked)).toBe('massMessages:blocked:{"rule":"禁止承诺收益"}');
    const none = new ApiError('invalid', 'x', 400, { field: 'filter', reason: 'no_recipients' });
    expect(massErrorText(t, none)).toBe('massMessages:noRecipients');
  });

  it('colours statuses so waiting, done and failed stand apart', () => {
    expect(statusColor('pending_approval')).toBe('gold');
    expect(statusColor('sent')).toBe('green');
    expect(statusColor('failed')).toBe('red');
    expect(statusColor('unknown')).toBe('default');
  });
});
