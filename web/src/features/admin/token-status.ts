/** Whether an API token still works: revoked wins over expired. */
export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(
  token: { revokedAt: string | null; expiresAt: string | null },
  now: Date = new Date(),
): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The validity choices offered when creating a token; null means no expiry. */
export const EXPIRY_CHOICES: readonly (number | null)[] = [30, 90, 180, 365, null];
