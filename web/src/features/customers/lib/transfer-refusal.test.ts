import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/api-error';
import { transferRefusal } from './transfer-refusal';

describe('transfer refusals', () => {
  it('names the limit with its figures', () => {
    const error = new ApiError('conflict', 'limit', 409, { reason: 'transfer_limit', maxTransfers: 2, windowDays: 90 });
    expect(transferRefusal(error)).toEqual({
      reason: 'transfer_limit',
      values: { reason: 'transfer_limit', maxTransfers: 2, windowDays: 90 },
    });
  });

  it('leaves other errors to the shared text', () => {
    expect(transferRefusal(new ApiError('conflict', 'dup', 409, { reason: 'duplicate_customer' }))).toBeNull();
    expect(transferRefusal(new ApiError('forbidden', 'no', 403))).toBeNull();
    expect(transferRefusal(new Error('x'))).toBeNull();
  });
});
