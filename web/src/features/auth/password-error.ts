/**
 * Turns the server's refusal of a password into a translation key of this namespace and the
 * form field it belongs to, so the message shows under the right input.
 */
import { ApiError } from '../../lib/api/api-error';

const REASON_KEYS: Record<string, string> = {
  too_short: 'password.reason.tooShort',
  too_long: 'password.reason.tooLong',
  common: 'password.reason.common',
  personal: 'password.reason.personal',
  wrong_password: 'password.reason.wrong',
};

/** The translation key for a password rule's reason code, or null for codes we do not know. */
export function passwordReasonKey(reason: unknown): string | null {
  return typeof reason === 'string' ? (REASON_KEYS[reason] ?? null) : null;
}

export type PasswordProblem = { key: string; field: string | null };

/** The password problem an API error describes, or null when it is about something else. */
export function passwordProblem(error: unknown): PasswordProblem | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { reason?: unknown; field?: unknown } | undefined;
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const key = passwordReasonKey(details.reason);
  if (!key) return null;
  return { key, field: typeof details.field === 'string' ? details.field : null };
}
