/** Renames the org (and its root department with it) and changes its settings; needs org.manage. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { findOrg, type OrgView } from '../queries.js';

export type UpdateOrgInput = { name?: string | undefined; requireTotp?: boolean | undefined };

const snapshot = (org: OrgView) => ({ name: org.name, requireTotp: org.settings.requireTotp === true });

export async function updateOrg(ctx: Ctx, actor: Actor, input: UpdateOrgInput): Promise<OrgView> {
  await assertMay(ctx, actor, 'org.manage');
  const before = await findOrg(ctx.db, actor.orgId);
  if (!before) throw notFound('org');
  const name = input.name === undefined ? before.name : input.name.trim();
  if (!name) throw invalid('The org name must not be blank', { field: 'name' });
  const requireTotp = input.requireTotp ?? before.settings.requireTotp === true;
  const after: OrgView = { ...before, name, settings: { ...before.settings, requireTotp } };
  if (name === before.name && requireTotp === (before.settings.requireTotp === true)) return before;

  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('orgs')
      .set({ name, settings: JSON.stringify(after.settings), updated_at: now })
      .where('id', '=', actor.orgId)
      .execute();
    if (name !== before.name) {
      // The root department carries the org's name in the directory tree.
      await tx
        .updateTable('departments')
        .set({ name, updated_at: now })
        .where('org_id', '=', actor.orgId)
        .where('parent_id', 'is', null)
        .execute();
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'org.updated',
      target: { type: 'org', id: actor.orgId, label: name },
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  ctx.bus.emit({
    type: 'org.updated',
    orgId: actor.orgId,
    at: now,
    actorId: actor.memberId,
    data: { before: snapshot(before), after: snapshot(after) },
  });
  return after;
}
