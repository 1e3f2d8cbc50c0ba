/**
 * Sign-in throttling kept in the `auth_failures` table, so every node sees the same counts.
 * A key (an account, an address) is locked while it has `max` failures inside the window;
 * attempts during a lock are not counted, so the lock lifts when the window passes.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { tooManyAttempts } from '../../platform/errors.js';

export type ThrottleKey = { key: string; max: number };

/** The normalised form of a login, so `A@x.com` and `a@x.com ` share one counter. */
export function normaliseLogin(login: string): string {
  const trimmed = login.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed.replace(/[\s-]/g, '');
}

export function accountKey(ctx: Pick<Ctx, 'config'>, normalisedLogin: string): ThrottleKey {
  return { key: `acct:${normalisedLogin}`, max: ctx.config.lockout.accountMaxFailures };
}

export function addressKey(ctx: Pick<Ctx, 'config'>, ip: string | null): ThrottleKey {
  return { key: `ip:${ip ?? 'unknown'}`, max: ctx.config.lockout.addressMaxFailures };
}

function windowMs(ctx: Pick<Ctx, 'config'>): number {
  return ctx.config.lockout.windowMinutes * 60_000;
}

/** Seconds until every key is free again; 0 when none is locked. */
export async function lockedForSeconds(
  ctx: Pick<Ctx, 'db' | 'clock' | 'config'>,
  keys: readonly ThrottleKey[],
): Promise<number> {
  const now = ctx.clock.now().getTime();
  const cutoff = new Date(now - windowMs(ctx)).toISOString();
  let wait = 0;
  for (const { key, max } of keys) {
    const rows = await ctx.db
      .selectFrom('auth_failures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', cutoff)
      .orderBy('at', 'asc')
      .execute();
    const oldestCounted = rows[rows.length - max];
    if (max > 0 && oldestCounted) {
      const freeAt = Date.parse(oldestCounted.at) + windowMs(ctx);
      wait = Math.max(wait, Math.max(1, Math.ceil((freeAt - now) / 1000)));
    }
  }
  return wait;
}

/** Throws 429 `too_many_attempts` with retryAfterSeconds while any key is locked. */
export async function assertNotLocked(
  ctx: Pick<Ctx, 'db' | 'clock' | 'config'>,
  keys: readonly ThrottleKey[],
): Promise<void> {
  const wait = await lockedForSeconds(ctx, keys);
  if (wait > 0) {
    throw tooManyAttempts('Too many failed attempts; try again later', { retryAfterSeconds: wait });
  }
}

/** Counts one failure under each key; returns the keys this failure has just locked. */
export async function recordFailure(
  ctx: Pick<Ctx, 'clock' | 'ids' | 'config'>,
  db: Kysely<Database>,
  orgId: string | null,
  keys: readonly ThrottleKey[],
): Promise<ThrottleKey[]> {
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - windowMs(ctx)).toISOString();
  const locked: ThrottleKey[] = [];
  for (const throttle of keys) {
    await db
      .insertInto('auth_failures')
      .values({ id: ctx.ids.next(), org_id: orgId, key: throttle.key, at: now.toISOString() })
      .execute();
    // Old rows no longer count; pruning here keeps the table small without a job.
    await db.deleteFrom('auth_failures').where('key', '=', throttle.key).where('at', '<=', cutoff).execute();
    const row = await db
      .selectFrom('auth_failures')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('key', '=', throttle.key)
      .executeTakeFirst();
    if (Number(row?.n ?? 0) === throttle.max) locked.push(throttle);
  }
  return locked;
}

/** Forgets the failures of these keys (after a successful sign-in). */
export async function clearFailures(db: Kysely<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('auth_failures').where('key', 'in', keys).execute();
}
