/**
 * Which archived records an auditor sees: archive.view at org scope sees every record; a narrower
 * scope sees the records whose sender was, when the record was archived, in a department the
 * scope reaches (plus the auditor's own). Searches apply it as tags; reads of a conversation
 * apply it row by row with `docVisible`.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay, reachOf } from '../../../authz/may.js';
import { tag } from './doc-keys.js';

export type ArchiveScope = { all: true } | { all: false; departmentIds: readonly string[]; selfId: string };

/** Checks archive.view and returns the reach it gives. */
export async function archiveScope(ctx: Pick<Ctx, 'db' | 'clock' | 'ids'>, actor: Actor): Promise<ArchiveScope> {
  await assertMay(ctx, actor, 'archive.view');
  const reach = await reachOf(ctx, actor, 'archive.view');
  if (!reach || reach.all) return { all: true };
  return { all: false, departmentIds: [...reach.departmentIds].sort(), selfId: reach.selfId };
}

/** The tags a visible doc carries one of; null when everything is visible. */
export function scopeTags(scope: ArchiveScope): string[] | null {
  if (scope.all) return null;
  return [tag('member', scope.selfId), ...scope.departmentIds.map((d) => tag('department', d))];
}

/** Whether a doc row is inside the scope (the same rule as the tags, for reads without search). */
export function docVisible(scope: ArchiveScope, doc: { sender_id: string | null; department_ids: string }): boolean {
  if (scope.all) return true;
  if (doc.sender_id === scope.selfId) return true;
  const departments = JSON.parse(doc.department_ids) as string[];
  return departments.some((d) => scope.departmentIds.includes(d));
}
