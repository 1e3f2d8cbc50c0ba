/**
 * Turns archiving on or off, sets whom it covers, what a decline by an external participant means
 * and the notice text (a changed text is a new version); needs archive.manage. Audited.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { loadDepartmentTree } from '../../../authz/department-tree.js';
import { assertMay } from '../../../authz/may.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { cleanNoticeText, currentNotice, publishNotice } from '../consent/notice.js';
import { presentNotice } from '../consent/notice-state.js';
import type { ArchiveSettings, DeclinePolicy } from './archive-settings.js';
import { type ArchiveSettingsView, readSettingsView } from './settings-view.js';

export type ArchiveSettingsInput = {
  enabled: boolean;
  scope: 'all' | 'departments';
  departmentIds?: string[] | undefined;
  /** Unchanged when absent. */
  declinePolicy?: DeclinePolicy | undefined;
  /** The notice text; a text differing from the one in force becomes a new version. */
  notice?: string | undefined;
};

export async function updateArchiveSettings(
  ctx: Ctx,
  actor: Actor,
  input: ArchiveSettingsInput,
): Promise<ArchiveSettingsView> {
  await assertMay(ctx, actor, 'archive.manage');
  const noticeText = input.notice === undefined ? undefined : cleanNoticeText(input.notice);
  const departmentIds = [...new Set(input.departmentIds ?? [])];
  if (input.scope === 'departments') {
    if (departmentIds.length === 0)
      throw invalid('Choose at least one department to archive', { field: 'departmentIds' });
    const tree = await loadDepartmentTree(ctx.db, actor.orgId);
    if (departmentIds.some((id) => !tree.parentOf.has(id))) throw notFound('department', { field: 'departmentIds' });
  }
  const before = await readSettingsView(ctx.db, actor.orgId);
  const now = ctx.clock.now().toISOString();
  // Turning archiving on starts recording from now; staying on keeps the original start.
  const enabledAt = input.enabled ? (before.enabled && before.enabledAt ? before.enabledAt : now) : null;
  const after: ArchiveSettings = {
    enabled: input.enabled,
    scope: input.scope,
    departmentIds: input.scope === 'departments' ? departmentIds : [],
    enabledAt,
    declinePolicy: input.declinePolicy ?? before.declinePolicy,
  };
  return ctx.db.transaction().execute(async (tx) => {
    const row = {
      enabled: after.enabled ? 1 : 0,
      scope: after.scope,
      department_ids: JSON.stringify(after.departmentIds),
      enabled_at: after.enabledAt,
      updated_at: now,
      updated_by: actor.memberId,
      decline_policy: after.declinePolicy,
    };
    await tx
      .insertInto('archive_settings')
      .values({ org_id: actor.orgId, ...row })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(row))
      .execute();
    // After the settings row (its lock orders concurrent changes), so versions never clash.
    const notice =
      noticeText === undefined ? await currentNotice(tx, actor.orgId) : await publishNotice(ctx, tx, actor, noticeText);
    const view: ArchiveSettingsView = { ...after, notice: presentNotice(notice) };
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'archive.settings_changed',
      target: { type: 'org', id: actor.orgId },
      before,
      after: view,
    });
    return view;
  });
}
