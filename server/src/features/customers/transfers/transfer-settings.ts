/**
 * The org's transfer limits: how many times a customer may be transferred in a window of days
 * (on-the-job transfers; departures are never refused by it) and how many customers one member
 * may hold. Defaults apply until an admin saves their own.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import type { Database } from '../../../platform/db/schema.js';
import { recordAudit } from '../../audit/record.js';
import { customerViewer } from '../viewer.js';

export const DEFAULT_TRANSFER_SETTINGS = { maxTransfers: 2, windowDays: 90, memberLimit: 5000 } as const;
/** How long a customer has to decline an on-the-job transfer. */
export const DECIDE_HOURS = 24;

export type TransferSettings = { maxTransfers: number; windowDays: number; memberLimit: number };
export type TransferSettingsOut = TransferSettings & { decideHours: number };

export async function loadTransferSettings(db: Kysely<Database>, orgId: string): Promise<TransferSettings> {
  const row = await db
    .selectFrom('customer_transfer_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_TRANSFER_SETTINGS };
  return {
    maxTransfers: Number(row.max_transfers),
    windowDays: Number(row.window_days),
    memberLimit: Number(row.member_limit),
  };
}

export async function getTransferSettings(ctx: Ctx, actor: Actor): Promise<TransferSettingsOut> {
  await customerViewer(ctx, actor);
  return { ...(await loadTransferSettings(ctx.db, actor.orgId)), decideHours: DECIDE_HOURS };
}

/** Saves the limits (customer.manage); fields left out keep their value. Audited. */
export async function saveTransferSettings(
  ctx: Ctx,
  actor: Actor,
  input: Partial<TransferSettings>,
): Promise<TransferSettingsOut> {
  await assertMay(ctx, actor, 'customer.manage');
  const now = ctx.clock.now().toISOString();
  const saved = await ctx.db.transaction().execute(async (tx) => {
    const before = await loadTransferSettings(tx, actor.orgId);
    const after = { ...before, ...input };
    await tx
      .insertInto('customer_transfer_settings')
      .values({
        org_id: actor.orgId,
        max_transfers: after.maxTransfers,
        window_days: after.windowDays,
        member_limit: after.memberLimit,
        updated_by: actor.memberId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({
          max_transfers: after.maxTransfers,
          window_days: after.windowDays,
          member_limit: after.memberLimit,
          updated_by: actor.memberId,
          updated_at: now,
        }),
      )
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.transfer_settings_changed',
      target: { type: 'org', id: actor.orgId },
      before,
      after,
    });
    return after;
  });
  return { ...saved, decideHours: DECIDE_HOURS };
}
