/**
 * Edits a customer the actor sees: fields, custom fields, co-followers and the tags the actor
 * can see. A new mobile or email that another customer has is refused (409) unless forced. The
 * owner changes only by transfer, the stage only through its own route (so history is kept).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { CustomerTable } from '../../../platform/db/customer-tables.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleCustomer } from '../access.js';
import { applyFieldValues, fieldDef, storedValues } from '../custom-fields.js';
import { listFields } from '../queries.js';
import { cleanContact, cleanName, cleanText } from '../rules.js';
import type { UpdateCustomerInput } from '../schemas.js';
import { customerViewer, type Viewer } from '../viewer.js';
import {
  activeMembers,
  assertNoDuplicate,
  assertUsableTags,
  auditSnapshot,
  changedFields,
  replaceFollowers,
  replaceVisibleTags,
} from './customer-writes.js';

type Changes = Partial<Pick<CustomerTable, 'name' | 'name_pinyin' | 'name_initials' | 'company' | 'title'>> &
  Partial<Pick<CustomerTable, 'mobile' | 'email' | 'gender' | 'region' | 'remark'>>;

function fieldChanges(input: UpdateCustomerInput): Changes {
  const changes: Changes = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name);
    const keys = pinyinKeys(name);
    Object.assign(changes, { name, name_pinyin: keys.pinyin, name_initials: keys.initials });
  }
  for (const field of ['company', 'title', 'region', 'remark'] as const) {
    const value = cleanText(field, input[field]);
    if (value !== undefined) changes[field] = value;
  }
  for (const field of ['mobile', 'email'] as const) {
    const value = cleanContact(field, input[field]);
    if (value !== undefined) changes[field] = value;
  }
  if (input.gender !== undefined) changes.gender = input.gender;
  return changes;
}

export async function updateCustomer(ctx: Ctx, actor: Actor, id: string, input: UpdateCustomerInput): Promise<Viewer> {
  const viewer = await customerViewer(ctx, actor);
  const changes = fieldChanges(input);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const { row } = await loadVisibleCustomer(ctx, tx, viewer, id);
    const contactChanged =
      (changes.mobile !== undefined && changes.mobile !== row.mobile) ||
      (changes.email !== undefined && changes.email !== row.email);
    if (contactChanged && !input.force) {
      await assertNoDuplicate(tx, actor.orgId, { mobile: changes.mobile ?? null, email: changes.email ?? null }, [
        row.id,
      ]);
    }
    if (input.followerIds) await activeMembers(tx, actor.orgId, input.followerIds, 'followerIds');
    if (input.tagIds) await assertUsableTags(tx, viewer, input.tagIds, 'tagIds');
    const fields = (await listFields(tx, actor.orgId)).map(fieldDef);
    const values =
      input.customFields === undefined
        ? null
        : applyFieldValues(fields, storedValues(row.custom_fields, fields), input.customFields, false);

    const next = {
      ...row,
      ...changes,
      ...(values ? { custom_fields: JSON.stringify(values) } : {}),
      updated_at: now,
    };
    await tx
      .updateTable('customers')
      .set({ ...changes, ...(values ? { custom_fields: next.custom_fields } : {}), updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', row.id)
      .execute();
    if (input.followerIds) {
      await replaceFollowers(ctx, tx, actor.orgId, { id: row.id, ownerId: row.owner_id }, input.followerIds);
    }
    if (input.tagIds) await replaceVisibleTags(ctx, tx, viewer, row.id, input.tagIds);
    const diff = changedFields(auditSnapshot(row), auditSnapshot(next));
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.updated',
      target: { type: 'customer', id: row.id, label: next.name },
      before: diff.before,
      after: {
        ...diff.after,
        ...(input.followerIds ? { followerIds: input.followerIds } : {}),
        ...(input.tagIds ? { tagIds: input.tagIds } : {}),
        ...(input.force ? { forced: true } : {}),
      },
    });
  });
  ctx.bus.emit({
    type: 'customer.updated',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { customerId: id },
  });
  return viewer;
}
