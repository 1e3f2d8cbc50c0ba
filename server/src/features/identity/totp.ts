/**
 * Time-based one-time codes (RFC 6238, 30-second steps, 6 digits). Each code is usable once:
 * the accepted step is stored in `members.totp_last_step` with a conditional update, so a code
 * replayed on another node is refused too.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { Database } from '../../platform/db/schema.js';

export const TOTP_ISSUER = 'Concord';
const PERIOD_SECONDS = 30;
/** Steps either side of now that are accepted, for clock drift between phone and server. */
const WINDOW = 1;

/** A fresh secret (160 bits) in base32 and the otpauth:// URL authenticator apps scan. */
export function newTotpSecret(label: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ issuer: TOTP_ISSUER, label, secret, period: PERIOD_SECONDS });
  return { secret: secret.base32, otpauthUrl: totp.toString() };
}

const sameCode = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The step the code belongs to, or null when it is wrong or not newer than `lastStep`. */
export function matchingStep(secretBase32: string, code: string, now: Date, lastStep: number): number | null {
  const secret = Secret.fromBase32(secretBase32);
  const current = TOTP.counter({ period: PERIOD_SECONDS, timestamp: now.getTime() });
  for (let delta = -WINDOW; delta <= WINDOW; delta++) {
    const step = current + delta;
    if (step <= lastStep) continue;
    const expected = TOTP.generate({ secret, period: PERIOD_SECONDS, timestamp: step * PERIOD_SECONDS * 1000 });
    if (sameCode(expected, code)) return step;
  }
  return null;
}

/** Marks the step used; false when another request used it (or a later one) first. */
export async function claimStep(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  step: number,
  extra: { totp_enabled?: number; updated_at?: string } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set({ totp_last_step: step, ...extra })
    .where('org_id', '=', orgId)
    .where('id', '=', memberId)
    .where('totp_last_step', '<', step)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
