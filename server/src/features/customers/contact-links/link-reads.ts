/**
 * Reading contact-me links: a member's own, or another member's for someone whose
 * `customer.view` reaches them (a supervisor looking after the team's links). Another org's or
 * an unreachable member's links answer 404.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import type { ContactLinkTable } from '../../../platform/db/contact-link-tables.js';
import type { Database } from '../../../platform/db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { memberFacts } from '../queries.js';
import { customerViewer, reaches, type Viewer } from '../viewer.js';
import type { ContactLinkOut } from './link-schemas.js';

export type LinkRow = Selectable<ContactLinkTable>;

/** 404 unless the viewer owns the member's links or their customer.view reaches the member. */
export async function assertManagesLinksOf(ctx: Ctx, viewer: Viewer, memberId: string): Promise<void> {
  if (memberId === viewer.memberId) {
    if (!viewer.serve) await assertMay(ctx, viewer.actor, 'customer.serve');
    return;
  }
  const facts = (await memberFacts(ctx.db, viewer.orgId, [memberId])).get(memberId);
  if (!facts || !reaches(viewer.view, { id: memberId, departmentIds: facts.departmentIds })) {
    throw notFound('member', { field: 'memberId' });
  }
}

/** A live link the viewer may manage, or 404. */
export async function manageableLink(ctx: Ctx, viewer: Viewer, id: string): Promise<LinkRow> {
  const row = await ctx.db
    .selectFrom('contact_links')
    .selectAll()
    .where('org_id', '=', viewer.orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('contact link');
  await assertManagesLinksOf(ctx, viewer, row.owner_id).catch(() => {
    throw notFound('contact link');
  });
  return row;
}

export async function presentLinks(db: Kysely<Database>, orgId: string, rows: LinkRow[]): Promise<ContactLinkOut[]> {
  if (rows.length === 0) return [];
  const tagIds = [...new Set(rows.flatMap((r) => JSON.parse(r.tag_ids) as string[]))];
  const stageIds = [...new Set(rows.map((r) => r.stage_id).filter((id): id is string => id !== null))];
  const [owners, tags, stages] = await Promise.all([
    memberFacts(
      db,
      orgId,
      rows.map((r) => r.owner_id),
    ),
    tagIds.length
      ? db
          .selectFrom('customer_tags')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', tagIds)
          .execute()
      : [],
    stageIds.length
      ? db
          .selectFrom('customer_stages')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', 'in', stageIds)
          .execute()
      : [],
  ]);
  const tagName = new Map(tags.map((t) => [t.id, t.name]));
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    owner: { id: r.owner_id, name: owners.get(r.owner_id)?.name ?? '' },
    // A tag or stage deleted since is left out rather than shown by id.
    tags: (JSON.parse(r.tag_ids) as string[]).flatMap((id) => {
      const name = tagName.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
    welcomeMessage: r.welcome_message,
    stage: r.stage_id && stageName.has(r.stage_id) ? { id: r.stage_id, name: stageName.get(r.stage_id) ?? '' } : null,
    joins: Number(r.joins),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listContactLinks(
  ctx: Ctx,
  actor: Actor,
  query: { memberId?: string | undefined },
): Promise<{ items: ContactLinkOut[] }> {
  const viewer = await customerViewer(ctx, actor);
  const memberId = query.memberId ?? actor.memberId;
  await assertManagesLinksOf(ctx, viewer, memberId);
  const rows = await ctx.db
    .selectFrom('contact_links')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('owner_id', '=', memberId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { items: await presentLinks(ctx.db, actor.orgId, rows) };
}

export async function contactLinkById(ctx: Ctx, actor: Actor, id: string): Promise<ContactLinkOut> {
  const viewer = await customerViewer(ctx, actor);
  const row = await manageableLink(ctx, viewer, id);
  const [out] = await presentLinks(ctx.db, actor.orgId, [row]);
  if (!out) throw notFound('contact link');
  return out;
}
