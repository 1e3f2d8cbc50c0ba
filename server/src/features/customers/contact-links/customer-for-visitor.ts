/**
 * The customer a visitor becomes on their first chat through a contact-me link, inside the
 * join's transaction. A live customer of the org with the same email is reused (the duplicate
 * rule: one customer per address), and keeps their owner and stage; otherwise a customer is
 * created, owned by the link's member, source `contact_link`, in the link's stage (or the first
 * open one). Either way the link's tags are added (rule tagging); new customers are audited.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { CustomerTable } from '../../../platform/db/customer-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { pinyinKeys } from '../../../platform/text/pinyin.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import { auditSnapshot } from '../commands/customer-writes.js';
import { customersWithContacts, listStages, visibleTagIds } from '../queries.js';
import { cleanName } from '../rules.js';
import { seedCustomerSettings } from '../stages.js';
import type { FoundLink } from './contact-lookup.js';

type Db = Kysely<Database>;

export async function customerForVisitor(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Db,
  input: { found: FoundLink; email: string; name: string; who: AuditWho },
): Promise<{ id: string; created: boolean }> {
  const { link, owner } = input.found;
  const orgId = link.org_id;
  const now = ctx.clock.now().toISOString();
  // Tags the owner may no longer use (a personal group deleted, say) are skipped, not refused.
  const wanted = JSON.parse(link.tag_ids) as string[];
  const tagIds = [...(await visibleTagIds(tx, orgId, owner.id, wanted))];

  const [existing] = await customersWithContacts(tx, orgId, { mobile: null, email: input.email });
  if (existing) {
    await addLinkTags(tx, orgId, existing.id, tagIds, owner.id, now);
    return { id: existing.id, created: false };
  }

  await seedCustomerSettings(ctx, tx, orgId);
  const stages = await listStages(tx, orgId);
  const stage = stages.find((s) => s.id === link.stage_id) ?? stages.find((s) => s.kind === 'open');
  const name = cleanName(input.name);
  const keys = pinyinKeys(name);
  const row: CustomerTable = {
    id: ctx.ids.next(),
    org_id: orgId,
    name,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    company: null,
    title: null,
    mobile: null,
    email: input.email,
    gender: 'unknown',
    region: null,
    source: 'contact_link',
    remark: null,
    custom_fields: '{}',
    stage_id: stage?.id ?? null,
    owner_id: owner.id,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    deleted_by: null,
    merged_into_id: null,
  };
  await tx.insertInto('customers').values(row).execute();
  await addLinkTags(tx, orgId, row.id, tagIds, owner.id, now);
  if (stage) {
    await tx
      .insertInto('customer_stage_moves')
      .values({
        id: ctx.ids.next(),
        org_id: orgId,
        customer_id: row.id,
        from_stage_id: null,
        from_name: null,
        to_stage_id: stage.id,
        to_name: stage.name,
        actor_id: null,
        actor_name: null,
        note: null,
        at: now,
      })
      .execute();
  }
  await recordAudit(ctx, tx, {
    orgId,
    who: input.who,
    action: 'customer.created',
    target: { type: 'customer', id: row.id, label: name },
    after: { ...auditSnapshot(row), tagIds, contactLink: { id: link.id, name: link.name } },
  });
  return { id: row.id, created: true };
}

async function addLinkTags(tx: Db, orgId: string, customerId: string, tagIds: string[], by: string, at: string) {
  if (tagIds.length === 0) return;
  await tx
    .insertInto('customer_tag_links')
    .values(
      tagIds.map((tagId) => ({ org_id: orgId, customer_id: customerId, tag_id: tagId, added_by: by, added_at: at })),
    )
    .onConflict((oc) => oc.columns(['customer_id', 'tag_id']).doNothing())
    .execute();
}
