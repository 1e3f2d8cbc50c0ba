/**
 * Moves a customer to another stage of the org's pipeline and records the move (who, when,
 * from, to, an optional note). Moving to the stage it is already in changes nothing.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { loadVisibleCustomer } from '../access.js';
import { listStages } from '../queries.js';
import type { MoveStageInput } from '../schemas.js';
import { customerViewer, type Viewer } from '../viewer.js';
import { recordStageMove } from './customer-writes.js';

export async function moveStage(ctx: Ctx, actor: Actor, id: string, input: MoveStageInput): Promise<Viewer> {
  const viewer = await customerViewer(ctx, actor);
  const note = input.note?.trim() || null;
  const now = ctx.clock.now().toISOString();
  const moved = await ctx.db.transaction().execute(async (tx) => {
    const { row } = await loadVisibleCustomer(ctx, tx, viewer, id);
    const stages = await listStages(tx, actor.orgId);
    const to = stages.find((s) => s.id === input.stageId);
    if (!to) throw notFound('stage', { field: 'stageId' });
    if (row.stage_id === to.id) return null;
    const from = stages.find((s) => s.id === row.stage_id) ?? null;
    await tx
      .updateTable('customers')
      .set({ stage_id: to.id, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', row.id)
      .execute();
    await recordStageMove(ctx, tx, viewer, row.id, from, to, note);
    await recordAudit(ctx, tx, {
      orgId: actor.orgId,
      who: actor,
      action: 'customer.stage_moved',
      target: { type: 'customer', id: row.id, label: row.name },
      before: { stageId: from?.id ?? null, stage: from?.name ?? null },
      after: { stageId: to.id, stage: to.name, note },
    });
    return { from: from?.id ?? null, to: to.id };
  });
  if (moved) {
    ctx.bus.emit({
      type: 'customer.stage_moved',
      orgId: actor.orgId,
      at: now,
      actorId: actor.memberId,
      data: { customerId: id, fromStageId: moved.from, toStageId: moved.to },
    });
  }
  return viewer;
}
