/**
 * Replaces the org's stage pipeline (needs customer.manage): stages keep their ids when given,
 * new ones are added, left-out ones removed — but not while live customers are in them (409).
 * Past moves keep the names stages had then.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { assertMay } from '../../../authz/may.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { listStages } from '../queries.js';
import type { SaveStagesInput } from '../settings-schemas.js';
import { seedCustomerSettings } from '../stages.js';

export async function saveStages(ctx: Ctx, actor: Actor, input: SaveStagesInput): Promise<void> {
  await assertMay(ctx, actor, 'customer.manage');
  const stages = input.stages.map((s) => ({ ...s, name: s.name.trim() }));
  const names = stages.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw invalid(`Two stages are named "${twice}"`, { field: 'stages', reason: 'duplicate_name' });
  if (!stages.some((s) => s.kind === 'open')) {
    throw invalid('The pipeline needs at least one open stage', { field: 'stages', reason: 'no_open_stage' });
  }
  const ids = stages.flatMap((s) => (s.id ? [s.id] : []));
  if (new Set(ids).size !== ids.length) throw invalid('A stage appears twice', { field: 'stages' });
  const now = ctx.clock.now().toISOString();

  await ctx.db.transaction().execute(async (tx) => {
    await seedCustomerSettings(ctx, tx, actor.orgId);
    const current = await listStages(tx, actor.orgId);
    for (const id of ids) if (!current.some((s) => s.id === id)) throw notFound('stage', { field: 'stages', id });
    const removed = current.filter((s) => !ids.includes(s.id));
    for (const stage of removed) {
      const inUse = await tx
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', actor.orgId)
        .where('stage_id', '=', stage.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      const n = Number(inUse?.n ?? 0);
      if (n > 0) {
        throw conflict(`${n} customer(s) are in the stage "${stage.name}"; move them before removing it`, {
          reason: 'stage_in_use',
          stageId: stage.id,
          customers: n,
        });
      }
    }
    if (removed.length > 0) {
      const removedIds = removed.map((s) => s.id);
      // Deleted customers left in a removed stage come back without one if restored.
      await tx
        .updateTable('customers')
        .set({ stage_id: null })
        .where('org_id', '=', actor.orgId)
        .where('stage_id', 'in', removedIds)
        .execute();
      await tx.deleteFrom('customer_stages').where('org_id', '=', actor.orgId).where('id', 'in', removedIds).execute();
    }
    for (const [i, stage] of stages.entries()) {
      if (stage.id) {
        await tx
          .updateTable('customer_stages')
          .set({ name: stage.name, kind: stage.kind, sort_order: i, updated_at: now })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', stage.id)
          .execute();
      } else {
        await tx
          .insertInto('customer_stages')
          .values({
            id: ctx.ids.next(),
            org_id: actor.orgId,
            name: stage.name,
            kind: stage.kind,
            sort_order: i,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    }
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.stages_changed',
      target: { type: 'org', id: actor.orgId },
      before: current.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
      after: stages.map((s) => ({ id: s.id ?? null, name: s.name, kind: s.kind })),
    });
  });
}
