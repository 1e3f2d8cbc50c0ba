/** Turns list/export query parameters into a checked list filter for the viewer. */
import type { Ctx } from '../../app/context.js';
import { assertMay } from '../../authz/may.js';
import { forbidden, invalid } from '../../platform/errors.js';
import { restoreWindowStart } from './access.js';
import type { CustomerListFilter } from './list-query.js';
import { visibleTagIds } from './queries.js';
import type { CustomerFilters } from './schemas.js';
import type { Viewer } from './viewer.js';

export type BaseFilter = Omit<CustomerListFilter, 'sort' | 'after' | 'limit'>;

export async function checkedFilter(
  ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>,
  viewer: Viewer,
  input: CustomerFilters,
): Promise<BaseFilter> {
  const deleted = input.deleted ?? false;
  if (deleted && !viewer.remove) {
    await assertMay(ctx, viewer.actor, 'customer.delete');
    throw forbidden();
  }
  const tagsAll = input.tagsAll ?? [];
  const tagsAny = input.tagsAny ?? [];
  const tagsNone = input.tagsNone ?? [];
  const asked = [...new Set([...tagsAll, ...tagsAny, ...tagsNone])];
  const known = await visibleTagIds(ctx.db, viewer.orgId, viewer.memberId, asked);
  const unknown = asked.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalid('There is no such tag', { field: 'tags', reason: 'unknown_tag', tagIds: unknown });
  return {
    deleted,
    deletedSince: deleted ? restoreWindowStart(ctx) : null,
    alsoReach: deleted ? viewer.remove : null,
    tagsAll,
    tagsAny,
    tagsNone,
    stageId: input.stageId,
    ownerId: input.ownerId,
    source: input.source,
    q: input.q,
    partialMobile: viewer.contact?.all === true,
  };
}
