/**
 * Sign-in by email or mobile and password (plus a one-time code when two-factor is on).
 * Every success opens a new session; every failure is counted per account and per address,
 * and a wrong login and a wrong password answer alike so accounts cannot be discovered.
 */
import type { Ctx } from '../../../app/context.js';
import { loadActor, type RequestMeta } from '../../../authz/actor.js';
import { DomainError, unauthorized } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { type MemberSummaryView, presentMemberSummary } from '../presenter.js';
import { findMemberByLogin, type MemberRow, memberDepartmentIds } from '../queries.js';
import {
  accountKey,
  addressKey,
  assertNotLocked,
  clearFailures,
  normaliseLogin,
  recordFailure,
  type ThrottleKey,
} from '../throttle.js';
import { claimStep, matchingStep } from '../totp.js';
import { openSession } from './open-session.js';

export type SignInInput = { login: string; password: string; totp?: string | undefined };
export type SignInResult = { token: string; member: MemberSummaryView; totpSetupRequired: boolean };

const WRONG_CREDENTIALS = 'The login or the password is wrong';

// A hash to verify against when the login names nobody, so both cases take the same time.
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(ctx: Pick<Ctx, 'config'>): Promise<string> {
  const key = JSON.stringify(ctx.config.passwordHash);
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword('no-such-account-placeholder', ctx.config.passwordHash);
    dummyHashes.set(key, hash);
  }
  return hash;
}

type FailureReason = 'unknown_login' | 'wrong_password' | 'inactive' | 'wrong_totp';

async function fail(
  ctx: Ctx,
  meta: RequestMeta,
  login: string,
  keys: readonly ThrottleKey[],
  member: MemberRow | undefined,
  reason: FailureReason,
): Promise<never> {
  await ctx.db.transaction().execute(async (tx) => {
    const justLocked = await recordFailure(ctx, tx, member?.org_id ?? null, keys);
    // Without a member there is no org to record in; the failure only counts for throttling.
    if (!member) return;
    const who = { kind: 'anonymous' as const, memberId: member.id, name: member.name, meta };
    const target = { type: 'member', id: member.id, label: member.name };
    await recordAudit(ctx, tx, {
      orgId: member.org_id,
      who,
      action: 'auth.login_failed',
      target,
      after: { login, reason },
    });
    for (const locked of justLocked) {
      await recordAudit(ctx, tx, {
        orgId: member.org_id,
        who,
        action: 'auth.locked',
        target,
        after: {
          scope: locked.key.startsWith('ip:') ? 'address' : 'account',
          minutes: ctx.config.lockout.windowMinutes,
        },
      });
    }
  });
  if (reason === 'wrong_totp') throw unauthorized('The two-factor code is wrong or has been used already');
  throw unauthorized(WRONG_CREDENTIALS);
}

export async function signIn(ctx: Ctx, input: SignInInput, meta: RequestMeta): Promise<SignInResult> {
  const login = normaliseLogin(input.login);
  const account = accountKey(ctx, login);
  const keys = [account, addressKey(ctx, meta.ip)];
  await assertNotLocked(ctx, keys);

  const member = await findMemberByLogin(ctx.db, login);
  // Members without a password (never set) cannot sign in; the dummy check keeps timing alike.
  const passwordOk = member?.password_hash
    ? await verifyPassword(member.password_hash, input.password)
    : (await verifyPassword(await dummyHash(ctx), input.password)) && false;
  if (!member) return fail(ctx, meta, login, keys, undefined, 'unknown_login');
  if (!passwordOk) return fail(ctx, meta, login, keys, member, 'wrong_password');
  if (member.status !== 'active') return fail(ctx, meta, login, keys, member, 'inactive');

  let step: number | null = null;
  if (member.totp_enabled === 1) {
    if (!input.totp) throw new DomainError('totp_required', 'Enter the code from your authenticator app');
    step = member.totp_secret
      ? matchingStep(member.totp_secret, input.totp, ctx.clock.now(), member.totp_last_step)
      : null;
    if (step === null) return fail(ctx, meta, login, keys, member, 'wrong_totp');
  }

  const outcome = await ctx.db.transaction().execute(async (tx) => {
    if (step !== null && !(await claimStep(tx, member.org_id, member.id, step))) return 'replayed' as const;
    const { sessionId, token } = await openSession(ctx, tx, { orgId: member.org_id, memberId: member.id }, meta);
    await clearFailures(tx, [account.key]);
    const actor = await loadActor(tx, member.org_id, member.id, { kind: 'member', sessionId }, meta);
    if (!actor) throw unauthorized(WRONG_CREDENTIALS);
    await recordAudit(ctx, tx, {
      orgId: member.org_id,
      who: actor,
      action: 'auth.login',
      target: { type: 'session', id: sessionId },
      after: { login, twoFactor: step !== null },
    });
    return { totpSetupRequired: actor.totpSetupRequired, sessionId, token };
  });
  // Another request used this code first (a replay racing the genuine sign-in).
  if (outcome === 'replayed') return fail(ctx, meta, login, keys, member, 'wrong_totp');

  const { sessionId, token } = outcome;
  ctx.bus.emit({
    type: 'session.created',
    orgId: member.org_id,
    at: ctx.clock.now().toISOString(),
    actorId: member.id,
    data: { sessionId, memberId: member.id },
  });
  const departmentIds = await memberDepartmentIds(ctx.db, member.org_id, member.id);
  return { token, member: presentMemberSummary(member, departmentIds), totpSetupRequired: outcome.totpSetupRequired };
}
