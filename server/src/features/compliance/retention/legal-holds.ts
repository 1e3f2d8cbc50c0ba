/**
 * Legal holds: while one is in place on a member (a colleague or an external participant), a
 * customer (their chats with the company and everything they wrote) or a conversation, retention
 * purges nothing of theirs. Placing and releasing are audited; a released
 * hold stays listed.
 */

import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import type { ArchiveHoldTable, Database } from '../../../platform/db/schema.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';

export type HoldKind = 'member' | 'conversation' | 'customer';
export type HoldInput = { kind: HoldKind; targetId: string; reason: string };

export type HoldOut = {
  id: string;
  kind: HoldKind;
  targetId: string;
  /** The held member's name (colleague or external participant), the customer's, or the conversation's. */
  targetName: string | null;
  /**
   * For a member: `staff` or `guest`, and their status (a departed colleague is the usual case);
   * for a customer: `customer`, and `active` or `deleted`.
   */
  targetKind: string | null;
  targetStatus: string | null;
  reason: string;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  releasedAt: string | null;
};

type Names = Map<string, { name: string | null; kind: string | null; status: string | null }>;

export const presentHold = (row: ArchiveHoldTable, names: Names): HoldOut => {
  const target = names.get(row.target_id);
  return {
    id: row.id,
    kind: row.kind as HoldKind,
    targetId: row.target_id,
    targetName: target?.name ?? null,
    targetKind: target?.kind ?? null,
    targetStatus: target?.status ?? null,
    reason: row.reason,
    createdBy: row.created_by,
    createdByName: names.get(row.created_by)?.name ?? null,
    createdAt: row.created_at,
    releasedAt: row.released_at,
  };
};

/**
 * Names of what holds point at and who placed them. A conversation without a name (a direct
 * chat) is named by its members, as the chat list does.
 */
async function holdNames(db: Kysely<Database>, orgId: string, rows: readonly ArchiveHoldTable[]): Promise<Names> {
  const names: Names = new Map();
  const memberIds = [
    ...new Set(rows.flatMap((r) => (r.kind === 'member' ? [r.target_id, r.created_by] : [r.created_by]))),
  ];
  const conversationIds = [...new Set(rows.filter((r) => r.kind === 'conversation').map((r) => r.target_id))];
  const customerIds = [...new Set(rows.filter((r) => r.kind === 'customer').map((r) => r.target_id))];
  if (customerIds.length > 0) {
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'name', 'deleted_at'])
      .where('org_id', '=', orgId)
      .where('id', 'in', customerIds)
      .execute();
    for (const c of customers)
      names.set(c.id, { name: c.name, kind: 'customer', status: c.deleted_at ? 'deleted' : 'active' });
  }
  if (memberIds.length > 0) {
    const members = await db
      .selectFrom('members')
      .select(['id', 'name', 'kind', 'status'])
      .where('org_id', '=', orgId)
      .where('id', 'in', memberIds)
      .execute();
    for (const m of members) names.set(m.id, { name: m.name, kind: m.kind, status: m.status });
  }
  if (conversationIds.length > 0) {
    const conversations = await db
      .selectFrom('conversations')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', conversationIds)
      .execute();
    const unnamed = conversations.filter((c) => !c.name).map((c) => c.id);
    const people =
      unnamed.length === 0
        ? []
        : await db
            .selectFrom('conversation_members as cm')
            .innerJoin('members as m', 'm.id', 'cm.member_id')
            .select(['cm.conversation_id', 'm.name'])
            .where('cm.org_id', '=', orgId)
            .where('cm.conversation_id', 'in', unnamed)
            .orderBy('m.name')
            .execute();
    for (const c of conversations) {
      const name =
        c.name ||
        people
          .filter((p) => p.conversation_id === c.id)
          .map((p) => p.name)
          .join('、') ||
        null;
      names.set(c.id, { name, kind: null, status: null });
    }
  }
  return names;
}

async function assertTargetExists(ctx: Ctx, orgId: string, input: HoldInput): Promise<void> {
  const table = ({ member: 'members', conversation: 'conversations', customer: 'customers' } as const)[input.kind];
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
  return presentHold(row, await holdNames(ctx.db, actor.orgId, [row]));
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
    const released = { ...row, released_at: now, released_by: actor.memberId };
    return presentHold(released, await holdNames(tx, actor.orgId, [released]));
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
  const names = await holdNames(ctx.db, actor.orgId, rows);
  return rows.map((row) => presentHold(row, names));
}
