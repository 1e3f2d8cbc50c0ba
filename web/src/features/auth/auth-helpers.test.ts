import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/api-error';
import { formatDateTime } from './format-time';
import { lockoutMinutes, lockoutOf } from './lockout';
import { passwordProblem, passwordReasonKey } from './password-error';
import { passwordFailure } from './password-failure';
import { safeNext } from './safe-next';
import { signInMessage } from './sign-in-error';
import { groupSecret } from './totp-secret';
import { describeUserAgent } from './user-agent';

describe('safeNext', () => {
  it('follows paths on this site', () => {
    expect(safeNext('/directory')).toBe('/directory');
    expect(safeNext('/directory/members/m1?tab=roles#top')).toBe('/directory/members/m1?tab=roles#top');
    expect(safeNext('/account?totp=required')).toBe('/account?totp=required');
  });
  it('falls back to home for missing or foreign targets', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'directory',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
    ]) {
      expect(safeNext(bad)).toBe('/');
    }
    expect(safeNext('/ok\u0000')).toBe('/');
    expect(safeNext('/\t/evil.example')).toBe('/');
  });
  it('does not loop back to the sign-in pages', () => {
    expect(safeNext('/login')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext('/setup')).toBe('/');
  });
});

describe('lockoutMinutes', () => {
  it('rounds the wait up to whole minutes, at least one', () => {
    expect(lockoutMinutes(900)).toBe(15);
    expect(lockoutMinutes(899)).toBe(15);
    expect(lockoutMinutes(61)).toBe(2);
    expect(lockoutMinutes(60)).toBe(1);
    expect(lockoutMinutes(5)).toBe(1);
  });
  it('is null without a usable wait', () => {
    expect(lockoutMinutes(undefined)).toBeNull();
    expect(lockoutMinutes('900')).toBeNull();
    expect(lockoutMinutes(0)).toBeNull();
    expect(lockoutMinutes(Number.NaN)).toBeNull();
  });
  it('recognises lockout errors only', () => {
    expect(lockoutOf(new ApiError('too_many_attempts', 'x', 429, { retryAfterSeconds: 840 }))).toEqual({ minutes: 14 });
    expect(lockoutOf(new ApiError('too_many_attempts', 'x', 429))).toEqual({ minutes: null });
    expect(lockoutOf(new ApiError('unauthorized', 'x', 401))).toBeUndefined();
    expect(lockoutOf(new Error('x'))).toBeUndefined();
  });
});

describe('password errors', () => {
  it('maps reason codes to translation keys', () => {
    expect(passwordReasonKey('too_short')).toBe('password.reason.tooShort');
    expect(passwordReasonKey('common')).toBe('password.reason.common');
    expect(passwordReasonKey('personal')).toBe('password.reason.personal');
    expect(passwordReasonKey('too_long')).toBe('password.reason.tooLong');
    expect(passwordReasonKey('wrong_password')).toBe('password.reason.wrong');
    expect(passwordReasonKey('something_else')).toBeNull();
    expect(passwordReasonKey(undefined)).toBeNull();
  });
  it('finds the problem and its field in an API error', () => {
    const weak = new ApiError('invalid', 'x', 400, { field: 'password', reason: 'common' });
    expect(passwordProblem(weak)).toEqual({ key: 'password.reason.common', field: 'password' });
    const wrong = new ApiError('forbidden', 'x', 403, { field: 'currentPassword', reason: 'wrong_password' });
    expect(passwordProblem(wrong)).toEqual({ key: 'password.reason.wrong', field: 'currentPassword' });
    expect(passwordProblem(new ApiError('invalid', 'x', 400, [{ field: 'body.email' }]))).toBeNull();
    expect(passwordProblem(new ApiError('forbidden', 'x', 403))).toBeNull();
    expect(passwordProblem(new Error('x'))).toBeNull();
  });
});

describe('describeUserAgent', () => {
  it('names browser and system of common agents', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      ),
    ).toEqual({ label: 'Chrome 126 · Windows', mobile: false });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ label: 'Safari 17 · iPhone', mobile: true });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
      ),
    ).toEqual({ label: 'Edge 126 · macOS', mobile: false });
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')?.label).toBe(
      'Firefox 128 · Linux',
    );
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 wxwork/4.1.22',
      ),
    ).toEqual({ label: 'WeCom 4 · Android', mobile: true });
  });
  it('shortens tools and handles a missing agent', () => {
    expect(describeUserAgent('curl/8.5.0')).toEqual({ label: 'curl/8.5.0', mobile: false });
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent('   ')).toBeNull();
    expect(describeUserAgent(`x${'y'.repeat(80)}`)?.label).toHaveLength(41);
  });
});

describe('signInMessage', () => {
  it('tells a lockout with its minutes', () => {
    const locked = new ApiError('too_many_attempts', 'x', 429, { retryAfterSeconds: 900 });
    expect(signInMessage(locked, 'password')).toEqual({ key: 'login.lockedMinutes', values: { minutes: 15 } });
    expect(signInMessage(new ApiError('too_many_attempts', 'x', 429), 'totp')).toEqual({ key: 'login.locked' });
  });
  it('tells a wrong password or a wrong code', () => {
    const wrong = new ApiError('unauthorized', 'x', 401);
    expect(signInMessage(wrong, 'password')).toEqual({ key: 'login.wrongCredentials' });
    expect(signInMessage(wrong, 'totp')).toEqual({ key: 'totp.wrongCode' });
  });
  it('leaves other errors to the shared texts', () => {
    expect(signInMessage(new ApiError('network', 'x', 0), 'password')).toBeNull();
    expect(signInMessage(new ApiError('invalid', 'x', 400), 'password')).toBeNull();
  });
});

describe('passwordFailure', () => {
  it('puts reasons under their field', () => {
    const weak = new ApiError('invalid', 'x', 400, { field: 'password', reason: 'too_short' });
    expect(passwordFailure(weak, 'newPassword')).toEqual({
      kind: 'field',
      field: 'password',
      key: 'password.reason.tooShort',
    });
    const noField = new ApiError('invalid', 'x', 400, { reason: 'personal' });
    expect(passwordFailure(noField, 'newPassword')).toEqual({
      kind: 'field',
      field: 'newPassword',
      key: 'password.reason.personal',
    });
  });
  it('shows lockouts and other errors in an alert', () => {
    const locked = new ApiError('too_many_attempts', 'x', 429, { retryAfterSeconds: 120 });
    expect(passwordFailure(locked, 'password')).toEqual({
      kind: 'alert',
      key: 'password.lockedMinutes',
      values: { minutes: 2 },
    });
    expect(passwordFailure(new ApiError('forbidden', 'x', 403), 'password')).toEqual({ kind: 'other' });
  });
});

describe('formatDateTime', () => {
  it('formats local time compactly', () => {
    expect(formatDateTime(new Date(2026, 2, 5, 9, 7).toISOString())).toBe('2026-03-05 09:07');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('nonsense')).toBe('');
  });
});

describe('groupSecret', () => {
  it('splits the key in groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
    expect(groupSecret('')).toBe('');
  });
});
