/** Reads the wait of a 429 `too_many_attempts` answer, for "try again in N minutes". */
import { ApiError } from '../../lib/api/api-error';

/** Whole minutes to wait (at least 1), rounded up; null when the server gave no wait. */
export function lockoutMinutes(retryAfterSeconds: unknown): number | null {
  if (typeof retryAfterSeconds !== 'number' || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) {
    return null;
  }
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** The minutes to wait when the error is a lockout; undefined when it is not one. */
export function lockoutOf(error: unknown): { minutes: number | null } | undefined {
  if (!(error instanceof ApiError) || error.code !== 'too_many_attempts') return undefined;
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  return { minutes: lockoutMinutes(details?.retryAfterSeconds) };
}
