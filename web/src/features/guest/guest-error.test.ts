import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { guestErrorKey } from './guest-error';

describe('join page error wording', () => {
  it('names the tries left after a wrong code', () => {
    const error = new ApiError('invalid', 'The code is wrong', 400, {
      field: 'code',
      reason: 'wrong',
      attemptsLeft: 3,
    });
    expect(guestErrorKey(error)).toEqual({ key: 'errors.wrongCode', values: { count: 3 } });
  });

  it('tells expired and used codes apart', () => {
    expect(guestErrorKey(new ApiError('invalid', '', 400, { reason: 'expired' }))).toEqual({
      key: 'errors.codeExpired',
    });
    expect(guestErrorKey(new ApiError('invalid', '', 400, { reason: 'used' }))).toEqual({ key: 'errors.codeUsed' });
  });

  it('says how long to wait when throttled', () => {
    const error = new ApiError('too_many_attempts', '', 429, { retryAfterSeconds: 42 });
    expect(guestErrorKey(error)).toEqual({ key: 'errors.tooMany', values: { seconds: 42 } });
  });

  it('explains refused links by their reason', () => {
    expect(guestErrorKey(new ApiError('conflict', '', 409, { reason: 'used_up' }))).toEqual({ key: 'status.used_up' });
    expect(guestErrorKey(new ApiError('forbidden', '', 403, { reason: 'members_only' }))).toEqual({
      key: 'colleague.membersOnly',
    });
    expect(guestErrorKey(new ApiError('limit_exceeded', '', 422))).toEqual({ key: 'errors.full' });
  });

  it('leaves other errors to the shared texts', () => {
    expect(guestErrorKey(new ApiError('mail_unavailable', '', 503))).toBeNull();
    expect(guestErrorKey(new Error('boom'))).toBeNull();
  });
});
