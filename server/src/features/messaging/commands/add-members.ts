/**
 * Adds active members (named, or whole departments with their sub-departments) to a group.
 * Members already in are skipped; past the group's limit nothing is written.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { invalid } from '../../../platform/errors.js';
import {
  assertChangeableGroup,
  assertMayInvite,
  assertWithinLimit,
  existingMemberIds,
  insertMembers,
  lockConversation,
  memberAddedPayload,
  memberCount,
  resolveCandidates,
} from '../conversation-rules.js';
import type { AddMembersInput } from '../conversation-schemas.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { requireMembership } from '../membership.js';

/** Returns the ids actually added (empty when everyone was already in). */
export async function addMembers(ctx: Ctx, actor: Actor, id: string, input: AddMembersInput): Promise<string[]> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, id);
  assertChangeableGroup(conversation);
  assertMayInvite(conversation, membership.role);
  if ((input.memberIds ?? []).length === 0 && (input.departmentIds ?? []).length === 0) {
    throw invalid('Choose members or departments to add');
  }
  const candidates = await resolveCandidates(ctx.db, actor.orgId, input.memberIds ?? [], input.departmentIds ?? []);
  const now = ctx.clock.now().toISOString();

  const result = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockConversation(tx, actor.orgId, id);
    assertChangeableGroup(locked);
    const present = await existingMemberIds(tx, actor.orgId, id);
    const added = candidates.filter((m) => !present.has(m.id));
    if (added.length === 0) return { added, events: [] };
    assertWithinLimit(locked.member_limit, await memberCount(tx, actor.orgId, id), added.length);
    await insertMembers(
      tx,
      actor.orgId,
      id,
      added.map((m) => ({ id: m.id, role: 'member' })),
      now,
    );
    const event = await appendConversationEvent(ctx, tx, {
      orgId: actor.orgId,
      conversationId: id,
      type: 'conversation.member_added',
      actorId: actor.memberId,
      payload: memberAddedPayload(added, locked),
    });
    return { added, events: [event] };
  });
  publishEvents(ctx, result.events);
  return result.added.map((m) => m.id);
}
