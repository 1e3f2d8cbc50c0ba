/**
 * Merges duplicates into one customer: the kept customer fills its blank fields from the others,
 * takes over their tags, co-followers (their owners become co-followers), stage history and
 * follow-ups; the others are removed for good (deleted and marked merged, so they cannot be
 * restored). Removing customers is deletion, so every merged-away customer needs
 * `customer.delete` over its owner.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleCustomer, type VisibleCustomer } from '../access.js';
import { fieldDef, storedValues } from '../custom-fields.js';
import { type CustomerRow, listFields } from '../queries.js';
import type { MergeInput } from '../schemas.js';
import { assertReaches, customerViewer, type Viewer } from '../viewer.js';
import { auditSnapshot } from './customer-writes.js';

const FILLABLE = ['company', 'title', 'mobile', 'email', 'region', 'remark'] as const;

/** The kept customer's fields, with blanks filled from the merged ones in the order given. */
function filledFields(target: CustomerRow, sources: readonly CustomerRow[]) {
  const out: Partial<Record<(typeof FILLABLE)[number], string>> & { gender?: string } = {};
  for (const field of FILLABLE) {
    if (target[field] !== null) continue;
    const value = sources.find((s) => s[field] !== null)?.[field];
    if (value) out[field] = value;
  }
  if (target.gender === 'unknown') {
    const gender = sources.find((s) => s.gender !== 'unknown')?.gender;
    if (gender) out.gender = gender;
  }
  return out;
}

export async function mergeCustomers(ctx: Ctx, actor: Actor, targetId: string, input: MergeInput): Promise<Viewer> {
  const viewer = await customerViewer(ctx, actor);
  if (input.mergeIds.includes(targetId)) {
    throw invalid('A customer cannot be merged into itself', { field: 'mergeIds' });
  }
  const now = ctx.clock.now().toISOString();
  const orgId = actor.orgId;
  // Checked before the transaction, so a refusal's audit entry is kept.
  const target = await loadVisibleCustomer(ctx, ctx.db, viewer, targetId);
  const sources: VisibleCustomer[] = [];
  for (const id of input.mergeIds) sources.push(await loadVisibleCustomer(ctx, ctx.db, viewer, id));
  for (const source of sources) await assertReaches(ctx, viewer, 'customer.delete', source.owner);
  const sourceIds = sources.map((s) => s.row.id);
  const sourceRows = sources.map((s) => s.row);

  await ctx.db.transaction().execute(async (tx) => {
    // Removed first, and only if still live: a customer deleted or merged meanwhile stops the merge.
    const removed = await tx
      .updateTable('customers')
      .set({ deleted_at: now, deleted_by: actor.memberId, merged_into_id: targetId, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', 'in', sourceIds)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(removed.numUpdatedRows) !== sourceIds.length) throw notFound('customer', { field: 'mergeIds' });

    const fields = (await listFields(tx, orgId)).map(fieldDef);
    const values = storedValues(target.row.custom_fields, fields);
    for (const source of sourceRows) {
      for (const [key, value] of Object.entries(storedValues(source.custom_fields, fields))) values[key] ??= value;
    }
    const kept = await tx
      .updateTable('customers')
      .set({ ...filledFields(target.row, sourceRows), custom_fields: JSON.stringify(values), updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', targetId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(kept.numUpdatedRows) !== 1) throw notFound('customer');

    // Tags: every link of the merged customers, personal ones included, moves to the kept one.
    const links = await tx
      .selectFrom('customer_tag_links')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('customer_id', 'in', sourceIds)
      .execute();
    if (links.length > 0) {
      await tx
        .insertInto('customer_tag_links')
        .values(links.map((l) => ({ ...l, customer_id: targetId })))
        .onConflict((oc) => oc.columns(['customer_id', 'tag_id']).doNothing())
        .execute();
    }
    await tx
      .deleteFrom('customer_tag_links')
      .where('org_id', '=', orgId)
      .where('customer_id', 'in', sourceIds)
      .execute();

    // Co-followers: the merged customers' owners and co-followers keep serving the customer.
    const followers = new Set(target.followerIds);
    for (const s of sources) for (const id of [s.row.owner_id, ...s.followerIds]) followers.add(id);
    followers.delete(target.row.owner_id);
    const added = [...followers].filter((id) => !target.followerIds.includes(id));
    if (added.length > 0) {
      await tx
        .insertInto('customer_followers')
        .values(added.map((id) => ({ org_id: orgId, customer_id: targetId, member_id: id, added_at: now })))
        .execute();
    }
    await tx
      .deleteFrom('customer_followers')
      .where('org_id', '=', orgId)
      .where('customer_id', 'in', sourceIds)
      .execute();

    // History moves with the customer: stage moves and follow-ups.
    for (const table of ['customer_stage_moves', 'customer_follow_ups'] as const) {
      await tx
        .updateTable(table)
        .set({ customer_id: targetId })
        .where('org_id', '=', orgId)
        .where('customer_id', 'in', sourceIds)
        .execute();
    }
    await recordAudit(ctx, tx, {
      orgId,
      who: actor,
      action: 'customer.merged',
      target: { type: 'customer', id: targetId, label: target.row.name },
      before: { merged: sourceRows.map((r) => ({ id: r.id, ...auditSnapshot(r) })) },
      after: { mergedIds: sourceIds, followersAdded: added, tagsMoved: links.length },
    });
  });
  ctx.bus.emit({
    type: 'customer.merged',
    orgId,
    at: now,
    actorId: actor.memberId,
    data: { customerId: targetId, mergedIds: input.mergeIds },
  });
  return viewer;
}
