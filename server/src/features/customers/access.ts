/**
 * Loading one customer for a viewer. Outside the viewer's data scope a customer answers 404,
 * like one of another org; a deleted one is found only by holders of `customer.delete` over its
 * owner, and only while it can still be restored (30 days).
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type CustomerRow, findCustomer, followersOf, memberFacts } from './queries.js';
import { type OwnerFacts, reaches, sees, type Viewer } from './viewer.js';

export const RESTORE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Until when a customer deleted at this time can be restored. */
export function restorableUntil(deletedAt: string): string {
  return new Date(new Date(deletedAt).getTime() + RESTORE_DAYS * DAY_MS).toISOString();
}

/** The earliest deletion time still restorable now. */
export function restoreWindowStart(ctx: Pick<Ctx, 'clock'>): string {
  return new Date(ctx.clock.now().getTime() - RESTORE_DAYS * DAY_MS).toISOString();
}

export type VisibleCustomer = { row: CustomerRow; owner: OwnerFacts; followerIds: string[] };

type Options = { deleted?: 'exclude' | 'include' | 'only' };

export async function loadVisibleCustomer(
  ctx: Pick<Ctx, 'clock'>,
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  options: Options = {},
): Promise<VisibleCustomer> {
  const mode = options.deleted ?? 'exclude';
  const row = await findCustomer(db, viewer.orgId, id);
  if (!row || row.merged_into_id) throw notFound('customer');
  if (row.deleted_at ? mode === 'exclude' : mode === 'only') throw notFound('customer');
  const [members, followers] = await Promise.all([
    memberFacts(db, viewer.orgId, [row.owner_id]),
    followersOf(db, viewer.orgId, [row.id]),
  ]);
  const owner = { id: row.owner_id, departmentIds: members.get(row.owner_id)?.departmentIds ?? [] };
  const followerIds = followers.get(row.id) ?? [];
  if (!sees(viewer, owner, followerIds)) throw notFound('customer');
  if (row.deleted_at) {
    const expired = row.deleted_at < restoreWindowStart(ctx);
    if (expired || !reaches(viewer.remove, owner)) throw notFound('customer');
  }
  return { row, owner, followerIds };
}
