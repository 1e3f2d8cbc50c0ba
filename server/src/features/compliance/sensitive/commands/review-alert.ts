/** An auditor marks an alert confirmed or dismissed, with a note (archive.view over the sender; audited). */
import type { Ctx } from '../../../../app/context.js';
import type { Actor } from '../../../../authz/actor.js';
import { notFound } from '../../../../platform/errors.js';
import { recordAudit } from '../../../audit/index.js';
import { type AlertView, alertVisibility, findVisibleAlert } from '../alert-queries.js';
import type { ReviewAlertInput } from '../schemas.js';

export async function reviewAlert(ctx: Ctx, actor: Actor, id: string, input: ReviewAlertInput): Promise<AlertView> {
  const visibility = await alertVisibility(ctx, actor);
  const now = ctx.clock.now().toISOString();
  const note = input.note?.trim() || null;
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findVisibleAlert(tx, actor.orgId, id, visibility);
    if (!before) throw notFound('alert');
    if (before.status === input.status && before.note === note) return before;
    await tx
      .updateTable('sensitive_alerts')
      .set({ status: input.status, note, reviewed_by: actor.memberId, reviewed_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'compliance.alert_reviewed',
      target: { type: 'sensitive_alert', id, label: before.rule_name },
      before: { status: before.status, note: before.note },
      after: { status: input.status, note },
    });
    return {
      ...before,
      status: input.status,
      note,
      reviewed_by: actor.memberId,
      reviewed_at: now,
      reviewer_name: actor.name,
    };
  });
}
