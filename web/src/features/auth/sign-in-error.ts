/** Which message a failed sign-in shows: wrong password, wrong code, lockout, or the generic text. */
import { ApiError } from '../../lib/api/api-error';
import { lockoutOf } from './lockout';

export type SignInMessage = { key: string; values?: Record<string, number> } | null;

/** A key of this namespace for the failure, or null to fall back to the shared error text. */
export function signInMessage(error: unknown, step: 'password' | 'totp'): SignInMessage {
  const lockout = lockoutOf(error);
  if (lockout) {
    return lockout.minutes === null
      ? { key: 'login.locked' }
      : { key: 'login.lockedMinutes', values: { minutes: lockout.minutes } };
  }
  if (error instanceof ApiError && error.status === 401 && error.code === 'unauthorized') {
    return { key: step === 'totp' ? 'totp.wrongCode' : 'login.wrongCredentials' };
  }
  return null;
}
