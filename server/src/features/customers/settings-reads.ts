/** Reads of the customer settings any customer user needs: tag groups they see, stages, fields. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { fieldDef } from './custom-fields.js';
import { listFields, listStages, tagsInGroups, visibleTagGroups } from './queries.js';
import type { TagGroupOut } from './settings-schemas.js';
import { ensureCustomerSettings, type StageKind } from './stages.js';
import { customerViewer } from './viewer.js';

export async function listTagGroups(ctx: Ctx, actor: Actor): Promise<{ items: TagGroupOut[] }> {
  const viewer = await customerViewer(ctx, actor);
  const groups = await visibleTagGroups(ctx.db, viewer.orgId, viewer.memberId);
  const tags = await tagsInGroups(
    ctx.db,
    viewer.orgId,
    groups.map((g) => g.id),
  );
  return {
    items: groups.map((g) => ({
      id: g.id,
      name: g.name,
      personal: g.owner_id !== null,
      sortOrder: g.sort_order,
      tags: tags.filter((t) => t.group_id === g.id).map((t) => ({ id: t.id, name: t.name, sortOrder: t.sort_order })),
    })),
  };
}

export async function listCustomerStages(ctx: Ctx, actor: Actor) {
  await customerViewer(ctx, actor);
  // The first look at the pipeline writes the default stages (once per org).
  await ensureCustomerSettings(ctx, actor.orgId);
  const rows = await listStages(ctx.db, actor.orgId);
  return {
    items: rows.map((s) => ({ id: s.id, name: s.name, kind: s.kind as StageKind, sortOrder: s.sort_order })),
  };
}

export async function listCustomerFields(ctx: Ctx, actor: Actor) {
  await customerViewer(ctx, actor);
  const rows = await listFields(ctx.db, actor.orgId);
  return { items: rows.map((r) => ({ ...fieldDef(r), sortOrder: r.sort_order })) };
}
