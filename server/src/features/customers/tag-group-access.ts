/**
 * Who changes which tag group: an org-wide group needs `customer.manage`; a personal group is
 * seen and changed only by the member it belongs to (anyone else gets 404).
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import { assertMay } from '../../authz/may.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordAudit } from '../audit/record.js';
import type { TagGroupRow } from './queries.js';
import type { Viewer } from './viewer.js';

type Db = Kysely<Database>;

export async function loadEditableGroup(
  ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>,
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<TagGroupRow> {
  const group = await db
    .selectFrom('customer_tag_groups')
    .selectAll()
    .where('org_id', '=', viewer.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!group || (group.owner_id !== null && group.owner_id !== viewer.memberId)) throw notFound('tag group');
  if (group.owner_id === null) await assertMay(ctx, viewer.actor, 'customer.manage');
  return group;
}

/** 409 when another group of the same kind (org-wide, or this member's personal ones) has the name. */
export async function assertGroupNameFree(
  db: Db,
  viewer: Viewer,
  personal: boolean,
  name: string,
  exceptId: string | null,
): Promise<void> {
  let query = db
    .selectFrom('customer_tag_groups')
    .select('id')
    .where('org_id', '=', viewer.orgId)
    .where('name', '=', name);
  query = personal ? query.where('owner_id', '=', viewer.memberId) : query.where('owner_id', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw conflict('A tag group with this name already exists', { field: 'name' });
}

/** 409 when another tag of the group has the name. */
export async function assertTagNameFree(
  db: Db,
  orgId: string,
  groupId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  let query = db
    .selectFrom('customer_tags')
    .select('id')
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw conflict('The group already has a tag with this name', { field: 'name' });
}

/** Audits a change to tag settings (org-wide or personal). */
export function auditTagSettings(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  db: Db,
  viewer: Viewer,
  group: { id: string; name: string },
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return recordAudit(ctx, db, {
    orgId: viewer.orgId,
    who: viewer.actor,
    action: 'customer.tag_settings_changed',
    target: { type: 'customer_tag_group', id: group.id, label: group.name },
    ...change,
  });
}
