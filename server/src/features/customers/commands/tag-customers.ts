/**
 * Bulk tagging: adds and removes tags on up to 500 customers at once. Every customer must be in
 * the actor's scope and every tag visible to them, or nothing changes; one audit entry.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { visibleToViewer } from '../list-query.js';
import type { BulkTagInput } from '../schemas.js';
import { customerViewer } from '../viewer.js';
import { addTags, assertUsableTags } from './customer-writes.js';

export type BulkTagOutcome = { customers: number; added: number; removed: number };

export async function tagCustomers(ctx: Ctx, actor: Actor, input: BulkTagInput): Promise<BulkTagOutcome> {
  const viewer = await customerViewer(ctx, actor);
  const add = input.addTagIds ?? [];
  const remove = input.removeTagIds ?? [];
  if (add.length === 0 && remove.length === 0) {
    throw invalid('Name tags to add or to remove', { field: 'addTagIds' });
  }
  if (add.some((id) => remove.includes(id))) {
    throw invalid('A tag cannot be added and removed at once', { field: 'removeTagIds' });
  }
  const now = ctx.clock.now().toISOString();
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const visible = await tx
      .selectFrom('customers')
      .select('customers.id')
      .where('customers.org_id', '=', actor.orgId)
      .where('customers.deleted_at', 'is', null)
      .where('customers.id', 'in', input.customerIds)
      .where((eb) => visibleToViewer(eb, viewer))
      .execute();
    if (visible.length !== input.customerIds.length) {
      const found = new Set(visible.map((v) => v.id));
      throw notFound('customer', { field: 'customerIds', ids: input.customerIds.filter((id) => !found.has(id)) });
    }
    await assertUsableTags(tx, viewer, [...add, ...remove], 'tags');
    const added = await addTags(ctx, tx, viewer, input.customerIds, add);
    let removed = 0;
    if (remove.length > 0) {
      const result = await tx
        .deleteFrom('customer_tag_links')
        .where('org_id', '=', actor.orgId)
        .where('customer_id', 'in', input.customerIds)
        .where('tag_id', 'in', remove)
        .executeTakeFirst();
      removed = Number(result.numDeletedRows);
    }
    if (added + removed > 0) {
      await tx
        .updateTable('customers')
        .set({ updated_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', 'in', input.customerIds)
        .execute();
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customers.tagged',
      target: null,
      after: { customerIds: input.customerIds, addTagIds: add, removeTagIds: remove, added, removed },
    });
    return { customers: input.customerIds.length, added, removed };
  });
  return outcome;
}
