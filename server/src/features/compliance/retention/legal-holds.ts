/**
 * Legal holds: while one is in place on a member (a colleague or an external participant) or a
 * conversation, retention purges nothing of theirs. Placing and releasing are audited; a released
 * hold stays listed.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import type { ArchiveHoldTable } from '../../../platform/db/schema.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';

export type HoldKind = 'member' | 'conversation';
export type HoldInput = { kind: HoldKind; targetId: string; reason: string };

export type HoldOut = {
  id: string;
  kind: HoldKind;
  targetId: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  releasedAt: string | null;
};

export const presentHold = (row: ArchiveHoldTable): HoldOut => ({
  id: row.id,
  kind: row.kind as HoldKind,
  targetId: row.target_id,
  reason: row.reason,
  createdBy: row.created_by,
  createdAt: row.created_at,
  releasedAt: row.released_at,
});

async function assertTargetExists(ctx: Ctx, orgId: string, input: HoldInput): Promise<void> {
  const table = input.kind === 'member' ? 'members' : 'conversations';
  const found = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', input.targetId)
    .executeTakeFirst();
  if (!found) throw notFound(input.kind, { field: 'targetId' });
}

export async function placeHold(ctx: Ctx, actor: Actor, input: HoldInput): Promise<HoldOut> {
  await assertMay(ctx, actor, 'archive.manage');
  await assertTargetExists(ctx, actor.orgId, input);
  const row: ArchiveHoldTable = {
    id: ctx.ids.next(),
    org_id: actor.orgId,
    kind: input.kind,
    target_id: input.targetId,
    reason: input.reason.trim(),
    created_by: actor.memberId,
    created_at: ctx.clock.now().toISOString(),
    released_at: null,
    released_by: null,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('archive_holds').values(row).execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'archive.hold_placed',
      target: { type: input.kind, id: input.targetId },
      after: { holdId: row.id, reason: row.reason },
    });
  });
  return presentHold(row);
}

export async function releaseHold(ctx: Ctx, actor: Actor, id: string): Promise<HoldOut> {
  await assertMay(ctx, actor, 'archive.manage');
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('archive_holds')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('hold');
    if (row.released_at) throw conflict('This hold was released already');
    await tx
      .updateTable('archive_holds')
      .set({ released_at: now, released_by: actor.memberId })
      .where('id', '=', id)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'archive.hold_released',
      target: { type: row.kind, id: row.target_id },
      after: { holdId: id },
    });
    return presentHold({ ...row, released_at: now, released_by: actor.memberId });
  });
}

export async function listHolds(ctx: Ctx, actor: Actor): Promise<HoldOut[]> {
  await assertMay(ctx, actor, 'archive.manage');
  const rows = await ctx.db
    .selectFrom('archive_holds')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(presentHold);
}
