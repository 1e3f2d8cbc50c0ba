/**
 * Adds a customer by hand. The owner is the actor unless they name a member inside their
 * `customer.view` reach; a customer with the mobile or email of an existing one is refused (409,
 * naming it) unless forced. Customer, co-followers, tags, first stage and audit entry land together.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { CustomerTable } from '../../../platform/db/customer-tables.js';
import { notFound } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { recordAudit } from '../../audit/record.js';
import { applyFieldValues, fieldDef } from '../custom-fields.js';
import { listFields, listStages } from '../queries.js';
import { cleanContact, cleanName, cleanText, type Source } from '../rules.js';
import type { CreateCustomerInput } from '../schemas.js';
import { seedCustomerSettings } from '../stages.js';
import { assertReaches, customerViewer } from '../viewer.js';
import {
  activeMembers,
  addTags,
  assertNoDuplicate,
  assertUsableTags,
  auditSnapshot,
  recordStageMove,
  replaceFollowers,
} from './customer-writes.js';

export async function createCustomer(
  ctx: Ctx,
  actor: Actor,
  input: CreateCustomerInput,
  source: Source = 'manual',
): Promise<string> {
  const viewer = await customerViewer(ctx, actor);
  const name = cleanName(input.name);
  const mobile = cleanContact('mobile', input.mobile) ?? null;
  const email = cleanContact('email', input.email) ?? null;
  const text = {
    company: cleanText('company', input.company) ?? null,
    title: cleanText('title', input.title) ?? null,
    region: cleanText('region', input.region) ?? null,
    remark: cleanText('remark', input.remark) ?? null,
  };
  const ownerId = input.ownerId ?? actor.memberId;
  const id = ctx.ids.next();
  const now = ctx.clock.now().toISOString();

  // Permission checks come before the transaction, so a refusal's audit entry is kept.
  const people = await activeMembers(ctx.db, actor.orgId, [ownerId], 'ownerId');
  if (ownerId !== actor.memberId) {
    await assertReaches(ctx, viewer, 'customer.view', {
      id: ownerId,
      departmentIds: people.get(ownerId)?.departmentIds ?? [],
    });
  }

  const row = await ctx.db.transaction().execute(async (tx) => {
    await seedCustomerSettings(ctx, tx, actor.orgId);
    await activeMembers(tx, actor.orgId, input.followerIds ?? [], 'followerIds');
    await assertUsableTags(tx, viewer, input.tagIds ?? [], 'tagIds');
    if (!input.force) await assertNoDuplicate(tx, actor.orgId, { mobile, email }, []);

    const stages = await listStages(tx, actor.orgId);
    const stage = input.stageId ? stages.find((s) => s.id === input.stageId) : stages.find((s) => s.kind === 'open');
    if (input.stageId && !stage) throw notFound('stage', { field: 'stageId' });
    const fields = (await listFields(tx, actor.orgId)).map(fieldDef);
    const values = applyFieldValues(fields, {}, input.customFields, true);

    const keys = pinyinKeys(name);
    const row: CustomerTable = {
      id,
      org_id: actor.orgId,
      name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      ...text,
      mobile,
      email,
      gender: input.gender ?? 'unknown',
      source,
      custom_fields: JSON.stringify(values),
      stage_id: stage?.id ?? null,
      owner_id: ownerId,
      created_by: actor.memberId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by: null,
      merged_into_id: null,
    };
    await tx.insertInto('customers').values(row).execute();
    await replaceFollowers(ctx, tx, actor.orgId, { id, ownerId }, input.followerIds ?? []);
    await addTags(ctx, tx, viewer, [id], input.tagIds ?? []);
    if (stage) await recordStageMove(ctx, tx, viewer, id, null, stage, null);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.created',
      target: { type: 'customer', id, label: name },
      after: { ...auditSnapshot(row), forced: input.force === true },
    });
    return row;
  });
  ctx.bus.emit({
    type: 'customer.created',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { customerId: row.id, ownerId: row.owner_id, source },
  });
  return row.id;
}
