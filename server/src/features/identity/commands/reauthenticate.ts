/**
 * Re-checks the password of a signed-in member before a sensitive change (new password,
 * two-factor off). Wrong guesses are throttled like sign-ins, so a stolen session cannot be
 * used to brute-force the password.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { forbidden } from '../../../platform/errors.js';
import { verifyPassword } from '../passwords.js';
import type { MemberRow } from '../queries.js';
import { assertNotLocked, recordFailure, type ThrottleKey } from '../throttle.js';

export async function assertPasswordMatches(
  ctx: Ctx,
  actor: Actor,
  member: MemberRow,
  password: string,
  field: string,
): Promise<void> {
  const keys: ThrottleKey[] = [{ key: `reauth:${member.id}`, max: ctx.config.lockout.accountMaxFailures }];
  await assertNotLocked(ctx, keys);
  if (await verifyPassword(member.password_hash, password)) return;
  await recordFailure(ctx, ctx.db, actor.orgId, keys);
  throw forbidden('The password is wrong', { field, reason: 'wrong_password' });
}
