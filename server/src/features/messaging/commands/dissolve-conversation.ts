/**
 * Dissolves a group: it stays readable (the archive is kept) but nothing more can be sent or
 * changed. By the owner through the API, or by the departure handler when a group empties.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import type { Database } from '../../../platform/db/schema.js';
import { forbidden } from '../../../platform/errors.js';
import { type AuditWho, recordAudit } from '../../audit/record.js';
import { assertChangeableGroup, type LoggedEvent, lockConversation } from '../conversation-rules.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { requireMembership } from '../membership.js';

/** Marks the conversation dissolved inside the caller's transaction; audits and logs it. */
export async function markDissolved(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Kysely<Database>,
  input: { orgId: string; conversationId: string; label: string | null; who: AuditWho; reason: string },
): Promise<LoggedEvent> {
  const now = ctx.clock.now().toISOString();
  await tx
    .updateTable('conversations')
    .set({ status: 'dissolved', dissolved_at: now })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.conversationId)
    .execute();
  await recordAudit(ctx, tx, {
    orgId: input.orgId,
    who: input.who,
    action: 'conversation.dissolved',
    target: { type: 'conversation', id: input.conversationId, label: input.label },
    before: { status: 'active' },
    after: { status: 'dissolved', reason: input.reason },
  });
  return appendConversationEvent(ctx, tx, {
    orgId: input.orgId,
    conversationId: input.conversationId,
    type: 'conversation.dissolved',
    actorId: input.who.memberId ?? null,
    payload: { dissolvedAt: now, reason: input.reason },
  });
}

export async function dissolveConversation(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, id);
  assertChangeableGroup(conversation);
  if (membership.role !== 'owner') throw forbidden('Only the owner may dissolve the group');
  const event = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockConversation(tx, actor.orgId, id);
    assertChangeableGroup(locked);
    return markDissolved(ctx, tx, {
      orgId: actor.orgId,
      conversationId: id,
      label: locked.name,
      who: actor,
      reason: 'owner',
    });
  });
  publishEvents(ctx, [event]);
}
