/** Turns a refusal of the join API into the join page's own wording (falls back to the shared error texts). */
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';

type Details = { reason?: unknown; attemptsLeft?: unknown; retryAfterSeconds?: unknown };

const INVITE_REASONS = ['expired', 'used_up', 'revoked', 'dissolved'] as const;

/** The translation key and values for an error, or null to use the shared text. */
export function guestErrorKey(error: unknown): { key: string; values?: Record<string, unknown> } | null {
  if (!(error instanceof ApiError)) return null;
  const details = (error.details ?? {}) as Details;
  if (error.code === 'too_many_attempts' && typeof details.retryAfterSeconds === 'number') {
    return { key: 'errors.tooMany', values: { seconds: details.retryAfterSeconds } };
  }
  if (error.code === 'invalid' && details.reason === 'wrong' && typeof details.attemptsLeft === 'number') {
    return { key: 'errors.wrongCode', values: { count: details.attemptsLeft } };
  }
  if (error.code === 'invalid' && details.reason === 'expired') return { key: 'errors.codeExpired' };
  if (error.code === 'invalid' && details.reason === 'used') return { key: 'errors.codeUsed' };
  if (error.code === 'limit_exceeded') return { key: 'errors.full' };
  if (error.code === 'not_found') return { key: 'status.notFound' };
  if (details.reason === 'members_only') return { key: 'colleague.membersOnly' };
  const reason = INVITE_REASONS.find((r) => r === details.reason);
  return reason ? { key: `status.${reason}` } : null;
}

export function guestErrorText(t: TFunction, error: unknown): string {
  const found = guestErrorKey(error);
  return found ? t(`guest:${found.key}`, found.values) : errorText(t, error);
}
