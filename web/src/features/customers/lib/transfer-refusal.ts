/** The reason the server gave for refusing a transfer or a decline, when the console explains it. */
import { ApiError } from '../../../lib/api/api-error';

const REASONS = ['transfer_limit', 'transfer_pending', 'already_owner', 'not_waiting', 'decline_window_closed'];

export function transferRefusal(error: unknown): { reason: string; values: Record<string, unknown> } | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as Record<string, unknown> | undefined;
  const reason = typeof details?.reason === 'string' ? details.reason : null;
  return reason && REASONS.includes(reason) ? { reason, values: details ?? {} } : null;
}
