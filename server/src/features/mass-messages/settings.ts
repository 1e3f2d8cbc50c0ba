/**
 * The org's mass-message rules: how many mass messages a customer may get per day, week or month
 * (default one a day), whether a supervisor approves before sending, and whether each owner
 * confirms their part. Read by every sender; changed with mass_message.manage, audited.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { assertMay } from '../../authz/may.js';
import { chinaPeriodStart } from '../../platform/china-time.js';
import type { Database } from '../../platform/db/schema.js';
import { recordAudit } from '../audit/record.js';
import type { CapPeriod, SettingsOut } from './schemas.js';

export const DEFAULT_SETTINGS: SettingsOut = {
  capCount: 1,
  capPeriod: 'day',
  requireApproval: true,
  ownerConfirm: false,
};

/**
 * The start of the cap's period holding now: the calendar day, week (from Monday) or month in
 * China time, as a customer counts "today" and "this week".
 */
export const capWindowStart = (now: Date, period: CapPeriod): string => chinaPeriodStart(now, period).toISOString();

export async function readSettings(db: Kysely<Database>, orgId: string): Promise<SettingsOut> {
  const row = await db.selectFrom('mass_message_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    capCount: Number(row.cap_count),
    capPeriod: row.cap_period as CapPeriod,
    requireApproval: Number(row.require_approval) === 1,
    ownerConfirm: Number(row.owner_confirm) === 1,
  };
}

export async function updateSettings(ctx: Ctx, actor: Actor, input: SettingsOut): Promise<SettingsOut> {
  await assertMay(ctx, actor, 'mass_message.manage');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await readSettings(tx, actor.orgId);
    const values = {
      cap_count: input.capCount,
      cap_period: input.capPeriod,
      require_approval: input.requireApproval ? 1 : 0,
      owner_confirm: input.ownerConfirm ? 1 : 0,
      updated_by: actor.memberId,
      updated_at: now,
    };
    await tx
      .insertInto('mass_message_settings')
      .values({ org_id: actor.orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'mass_message.settings_changed',
      target: { type: 'org', id: actor.orgId },
      before,
      after: input,
    });
  });
  return readSettings(ctx.db, actor.orgId);
}
