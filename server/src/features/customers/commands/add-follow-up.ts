/**
 * Records a follow-up on a customer the actor sees (a call, visit, message or note) with the files
 * the actor uploaded for it and, when a next date is given, queues the reminder for it — all in
 * one transaction.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid } from '../../../platform/errors.js';
import { hasControlCharacters } from '../../directory/index.js';
import { loadVisibleCustomer } from '../access.js';
import { claimFollowUpFiles } from '../follow-up-files.js';
import { scheduleFollowUpReminder } from '../follow-up-reminder.js';
import type { AddFollowUpInput } from '../follow-up-schemas.js';
import { customerViewer } from '../viewer.js';

/** A follow-up may be dated a little ahead (clocks differ), not later. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

export async function addFollowUp(
  ctx: Ctx,
  actor: Actor,
  customerId: string,
  input: AddFollowUpInput,
): Promise<string> {
  const viewer = await customerViewer(ctx, actor);
  const content = input.content.trim();
  if (!content) throw invalid('Write what happened', { field: 'content', reason: 'required' });
  if (hasControlCharacters(content, true)) throw invalid('The text contains control characters', { field: 'content' });
  const now = ctx.clock.now();
  const happenedAt = input.happenedAt ? new Date(input.happenedAt) : now;
  if (happenedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw invalid('A follow-up cannot happen in the future', { field: 'happenedAt', reason: 'in_future' });
  }
  const nextAt = input.nextAt ? new Date(input.nextAt) : null;
  if (nextAt && nextAt.getTime() <= now.getTime()) {
    throw invalid('The next follow-up must be in the future', { field: 'nextAt', reason: 'in_past' });
  }
  const id = ctx.ids.next();
  await ctx.db.transaction().execute(async (tx) => {
    const { row } = await loadVisibleCustomer(ctx, tx, viewer, customerId);
    await tx
      .insertInto('customer_follow_ups')
      .values({
        id,
        org_id: actor.orgId,
        customer_id: row.id,
        author_id: actor.memberId,
        kind: input.kind,
        content,
        happened_at: happenedAt.toISOString(),
        next_at: nextAt?.toISOString() ?? null,
        created_at: now.toISOString(),
      })
      .execute();
    await claimFollowUpFiles(tx, {
      orgId: actor.orgId,
      customerId: row.id,
      followUpId: id,
      uploaderId: actor.memberId,
      fileIds: input.fileIds ?? [],
    });
    await tx
      .updateTable('customers')
      .set({ updated_at: now.toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', row.id)
      .execute();
    if (nextAt) await scheduleFollowUpReminder(ctx, tx, { id, orgId: actor.orgId, nextAt: nextAt.toISOString() });
  });
  ctx.bus.emit({
    type: 'customer.followed_up',
    orgId: actor.orgId,
    at: now.toISOString(),
    actorId: actor.memberId,
    data: { customerId, followUpId: id, kind: input.kind },
  });
  return id;
}
