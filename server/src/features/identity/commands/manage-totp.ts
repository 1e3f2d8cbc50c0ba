/**
 * Two-factor sign-in for oneself: set up a secret, turn it on with a first valid code, turn it
 * off with the password (not allowed while the org or a role requires it).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { assertSessionActor } from '../policy.js';
import { findMember, type MemberRow, totpRequired } from '../queries.js';
import { claimStep, matchingStep, newTotpSecret } from '../totp.js';
import { assertPasswordMatches } from './reauthenticate.js';

async function self(ctx: Ctx, actor: Actor): Promise<MemberRow> {
  assertSessionActor(actor);
  const member = await findMember(ctx.db, actor.orgId, actor.memberId);
  if (!member) throw notFound('member');
  return member;
}

/** Stores a new secret (not yet active) and returns it for the authenticator app. */
export async function setUpTotp(ctx: Ctx, actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
  const member = await self(ctx, actor);
  if (member.totp_enabled === 1) throw conflict('Two-factor sign-in is already on; turn it off first');
  const created = newTotpSecret(member.email ?? member.mobile ?? member.name);
  await ctx.db
    .updateTable('members')
    .set({ totp_secret: created.secret, updated_at: ctx.clock.now().toISOString() })
    .where('org_id', '=', actor.orgId)
    .where('id', '=', member.id)
    .where('totp_enabled', '=', 0)
    .execute();
  return created;
}

/** Turns two-factor on once the member proves the app shows the right codes. */
export async function enableTotp(ctx: Ctx, actor: Actor, code: string): Promise<void> {
  const member = await self(ctx, actor);
  if (member.totp_enabled === 1) throw conflict('Two-factor sign-in is already on');
  if (!member.totp_secret) throw invalid('Set up two-factor sign-in first', { reason: 'no_secret' });
  const step = matchingStep(member.totp_secret, code, ctx.clock.now(), member.totp_last_step);
  if (step === null) throw invalid('The code is wrong or has been used already', { field: 'code' });
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await claimStep(tx, actor.orgId, member.id, step, { totp_enabled: 1, updated_at: nowIso }))) {
      throw invalid('The code is wrong or has been used already', { field: 'code' });
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'totp.enabled',
      target: { type: 'member', id: member.id, label: member.name },
    });
  });
}

/** Turns two-factor off after checking the password. */
export async function disableTotp(ctx: Ctx, actor: Actor, password: string): Promise<void> {
  const member = await self(ctx, actor);
  if (await totpRequired(ctx.db, actor.orgId, member.id)) {
    throw forbidden('Two-factor sign-in is required for your account and cannot be turned off');
  }
  await assertPasswordMatches(ctx, actor, member, password, 'password');
  if (member.totp_enabled !== 1 && !member.totp_secret) return;
  await ctx.db.transaction().execute(async (tx) => {
    // totp_last_step stays: a code used before stays used if two-factor comes back on.
    await tx
      .updateTable('members')
      .set({ totp_enabled: 0, totp_secret: null, updated_at: ctx.clock.now().toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', member.id)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'totp.disabled',
      target: { type: 'member', id: member.id, label: member.name },
    });
  });
}
