/**
 * Changes a conversation. Name, avatar, announcement and settings belong to the group and only
 * its owner and admins change them (one `conversation.updated` event); pinned and muted are the
 * actor's own preference and change nothing anyone else sees (no event).
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import { assertChangeableGroup, lockConversation, parseConversationSettings } from '../conversation-rules.js';
import type { UpdateConversationInput } from '../conversation-schemas.js';
import { appendConversationEvent, publishEvents } from '../event-log.js';
import { isGroupManager, requireMembership } from '../membership.js';

export async function updateConversation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateConversationInput,
): Promise<void> {
  const { conversation, membership } = await requireMembership(ctx.db, actor, id);
  const groupChange =
    input.name !== undefined ||
    input.avatarUrl !== undefined ||
    input.announcement !== undefined ||
    input.settings !== undefined;
  if (groupChange) {
    assertChangeableGroup(conversation);
    if (!isGroupManager(membership.role)) throw forbidden('Only the owner and admins may change the group');
  }
  const name = input.name?.trim();
  if (name === '') throw invalid('Give the group a name', { field: 'name' });
  const now = ctx.clock.now().toISOString();

  const events = await ctx.db.transaction().execute(async (tx) => {
    const prefs: { pinned?: number; muted?: number } = {};
    if (input.pinned !== undefined) prefs.pinned = input.pinned ? 1 : 0;
    if (input.muted !== undefined) prefs.muted = input.muted ? 1 : 0;
    if (Object.keys(prefs).length > 0) {
      await tx
        .updateTable('conversation_members')
        .set(prefs)
        .where('org_id', '=', actor.orgId)
        .where('conversation_id', '=', id)
        .where('member_id', '=', actor.memberId)
        .execute();
    }
    if (!groupChange) return [];

    const current = await lockConversation(tx, actor.orgId, id);
    const changes: Record<string, unknown> = {};
    const set: {
      name?: string;
      avatar_url?: string | null;
      announcement?: string | null;
      announcement_at?: string | null;
      settings?: string;
    } = {};
    if (name !== undefined && name !== current.name) {
      set.name = name;
      changes.name = name;
    }
    if (input.avatarUrl !== undefined && input.avatarUrl !== current.avatar_url) {
      set.avatar_url = input.avatarUrl;
      changes.avatarUrl = input.avatarUrl;
    }
    if (input.announcement !== undefined) {
      const text = input.announcement?.trim() || null;
      if (text !== current.announcement) {
        set.announcement = text;
        set.announcement_at = text ? now : null;
        changes.announcement = text;
        changes.announcementAt = set.announcement_at;
      }
    }
    if (input.settings) {
      const before = parseConversationSettings(current.settings);
      const after = { ...before };
      if (input.settings.onlyAdminsInvite !== undefined) after.onlyAdminsInvite = input.settings.onlyAdminsInvite;
      if (input.settings.welcomeMessage !== undefined) {
        after.welcomeMessage = input.settings.welcomeMessage?.trim() || null;
      }
      if (after.onlyAdminsInvite !== before.onlyAdminsInvite || after.welcomeMessage !== before.welcomeMessage) {
        set.settings = JSON.stringify(after);
        changes.settings = { onlyAdminsInvite: after.onlyAdminsInvite, welcomeMessage: after.welcomeMessage };
      }
    }
    // Nothing actually changed: no write, no event.
    if (Object.keys(changes).length === 0) return [];
    await tx.updateTable('conversations').set(set).where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    return [
      await appendConversationEvent(ctx, tx, {
        orgId: actor.orgId,
        conversationId: id,
        type: 'conversation.updated',
        actorId: actor.memberId,
        payload: changes,
      }),
    ];
  });
  publishEvents(ctx, events);
}
