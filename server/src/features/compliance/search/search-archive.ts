/**
 * An auditor's search of the archive (archive.view, within its data scope): one page of hits,
 * newest first, each search written to the audit log with its query, filters and hit count.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { recordAudit } from '../../audit/record.js';
import { archiveScope } from './archive-scope.js';
import { findDocs } from './find-docs.js';
import { type PresentedRecord, presentRecords } from './present-records.js';
import { type ArchiveFilters, encodeSearchCursor, filtersOf, planSearch } from './search-plan.js';

export type SearchInput = ArchiveFilters & { cursor?: string | undefined; limit?: number | undefined };

export async function searchArchive(
  ctx: Ctx,
  actor: Actor,
  input: SearchInput,
): Promise<{ items: PresentedRecord[]; nextCursor: string | null }> {
  const scope = await archiveScope(ctx, actor);
  const limit = input.limit ?? 20;
  const plan = await planSearch(ctx, actor.orgId, scope, input, input.cursor);
  const docs = await findDocs(ctx, { ...plan, limit: limit + 1 });
  const page = docs.slice(0, limit);
  const last = page.at(-1);
  const items = await presentRecords(ctx, actor.orgId, page, plan.q);
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'archive.searched',
    target: null,
    after: { filters: filtersOf(input), page: input.cursor ? 'next' : 'first', hits: items.length },
  });
  return { items, nextCursor: docs.length > limit && last ? encodeSearchCursor(last.doc_id) : null };
}
