/**
 * Building blocks the customer commands share inside their transactions: people checks, the
 * duplicate check, tag and co-follower writes, stage moves and the audit snapshot.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { maskEmail, maskMobile } from '../masking.js';
import {
  type CustomerRow,
  customersWithContacts,
  type MemberFacts,
  memberFacts,
  type StageRow,
  visibleTagIds,
} from '../queries.js';
import type { Viewer } from '../viewer.js';

type Db = Kysely<Database>;

/** Active staff members of the org, or 404 naming the field. */
export async function activeMembers(
  db: Db,
  orgId: string,
  ids: readonly string[],
  field: string,
): Promise<Map<string, MemberFacts>> {
  const facts = await memberFacts(db, orgId, ids);
  for (const id of ids) {
    const m = facts.get(id);
    if (m?.status !== 'active') throw notFound('member', { field, memberId: id });
  }
  return facts;
}

/** 409 naming the existing customers with this mobile or email, unless the caller forces it. */
export async function assertNoDuplicate(
  db: Db,
  orgId: string,
  contacts: { mobile: string | null; email: string | null },
  exceptIds: readonly string[],
): Promise<void> {
  const found = await customersWithContacts(db, orgId, contacts, exceptIds);
  if (found.length === 0) return;
  const owners = await memberFacts(
    db,
    orgId,
    found.map((c) => c.owner_id),
  );
  throw conflict('A customer with this mobile or email already exists; save anyway with force', {
    reason: 'duplicate_customer',
    duplicates: found.map((c) => ({
      id: c.id,
      name: c.name,
      owner: { id: c.owner_id, name: owners.get(c.owner_id)?.name ?? '' },
      matchedOn: [
        ...(contacts.mobile && c.mobile === contacts.mobile ? ['mobile'] : []),
        ...(contacts.email && c.email === contacts.email ? ['email'] : []),
      ],
    })),
  });
}

/** 400 unless the viewer sees every tag (org-wide, or their own personal ones). */
export async function assertUsableTags(db: Db, viewer: Viewer, tagIds: readonly string[], field: string) {
  const known = await visibleTagIds(db, viewer.orgId, viewer.memberId, tagIds);
  const unknown = tagIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalid('There is no such tag', { field, reason: 'unknown_tag', tagIds: unknown });
}

/** Sets the customer's tags among those the viewer sees; others' personal tags stay as they are. */
export async function replaceVisibleTags(
  ctx: Pick<Ctx, 'clock'>,
  db: Db,
  viewer: Viewer,
  customerId: string,
  tagIds: readonly string[],
): Promise<void> {
  const current = await db
    .selectFrom('customer_tag_links')
    .select('tag_id')
    .where('org_id', '=', viewer.orgId)
    .where('customer_id', '=', customerId)
    .execute();
  const visibleCurrent = await visibleTagIds(
    db,
    viewer.orgId,
    viewer.memberId,
    current.map((c) => c.tag_id),
  );
  const wanted = new Set(tagIds);
  const drop = [...visibleCurrent].filter((id) => !wanted.has(id));
  const add = tagIds.filter((id) => !current.some((c) => c.tag_id === id));
  if (drop.length > 0) {
    await db
      .deleteFrom('customer_tag_links')
      .where('org_id', '=', viewer.orgId)
      .where('customer_id', '=', customerId)
      .where('tag_id', 'in', drop)
      .execute();
  }
  await addTags(ctx, db, viewer, [customerId], add);
}

/** Adds tags to customers; links already there stay (and keep who added them first). */
export async function addTags(
  ctx: Pick<Ctx, 'clock'>,
  db: Db,
  viewer: Viewer,
  customerIds: readonly string[],
  tagIds: readonly string[],
): Promise<number> {
  if (customerIds.length === 0 || tagIds.length === 0) return 0;
  const now = ctx.clock.now().toISOString();
  const rows = customerIds.flatMap((customerId) =>
    tagIds.map((tagId) => ({
      org_id: viewer.orgId,
      customer_id: customerId,
      tag_id: tagId,
      added_by: viewer.memberId,
      added_at: now,
    })),
  );
  const inserted = await db
    .insertInto('customer_tag_links')
    .values(rows)
    .onConflict((oc) => oc.columns(['customer_id', 'tag_id']).doNothing())
    .returning('tag_id')
    .execute();
  return inserted.length;
}

/** Sets the co-followers (never the owner) of a customer. */
export async function replaceFollowers(
  ctx: Pick<Ctx, 'clock'>,
  db: Db,
  orgId: string,
  customer: { id: string; ownerId: string },
  memberIds: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(memberIds.filter((id) => id !== customer.ownerId))];
  const current = await db
    .selectFrom('customer_followers')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customer.id)
    .execute();
  const drop = current.map((c) => c.member_id).filter((id) => !wanted.includes(id));
  const add = wanted.filter((id) => !current.some((c) => c.member_id === id));
  if (drop.length > 0) {
    await db
      .deleteFrom('customer_followers')
      .where('org_id', '=', orgId)
      .where('customer_id', '=', customer.id)
      .where('member_id', 'in', drop)
      .execute();
  }
  if (add.length > 0) {
    const now = ctx.clock.now().toISOString();
    await db
      .insertInto('customer_followers')
      .values(add.map((id) => ({ org_id: orgId, customer_id: customer.id, member_id: id, added_at: now })))
      .execute();
  }
  return wanted;
}

/** Appends a stage move to the customer's history. */
export async function recordStageMove(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  db: Db,
  viewer: Viewer,
  customerId: string,
  from: StageRow | null,
  to: StageRow,
  note: string | null,
): Promise<void> {
  await db
    .insertInto('customer_stage_moves')
    .values({
      id: ctx.ids.next(),
      org_id: viewer.orgId,
      customer_id: customerId,
      from_stage_id: from?.id ?? null,
      from_name: from?.name ?? null,
      to_stage_id: to.id,
      to_name: to.name,
      actor_id: viewer.memberId,
      actor_name: viewer.actor.name,
      note,
      at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** What the audit log keeps of a customer: contacts masked, so the log never spreads them. */
export function auditSnapshot(row: CustomerRow): Record<string, unknown> {
  return {
    name: row.name,
    company: row.company,
    title: row.title,
    mobile: row.mobile ? maskMobile(row.mobile) : null,
    email: row.email ? maskEmail(row.email) : null,
    gender: row.gender,
    region: row.region,
    source: row.source,
    remark: row.remark,
    ownerId: row.owner_id,
    stageId: row.stage_id,
    customFields: JSON.parse(row.custom_fields) as unknown,
  };
}

/** The fields of `after` that differ from `before`, for a compact audit entry. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
