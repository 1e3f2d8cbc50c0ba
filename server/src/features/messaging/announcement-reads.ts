/**
 * The group announcement with its read confirmations. Confirmations are keyed by the
 * announcement's time, so a new announcement starts with everyone pending again.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import type { ConversationTable, Database } from '../../platform/db/schema.js';
import { requireMembership } from './membership.js';
import type { AnnouncementView } from './tools-schemas.js';

/** The announcement of a conversation the caller has already checked membership of. */
export async function announcementOf(
  db: Kysely<Database>,
  conversation: Pick<ConversationTable, 'org_id' | 'id' | 'announcement' | 'announcement_at'>,
  viewerId: string,
): Promise<AnnouncementView> {
  const members = await db
    .selectFrom('conversation_members')
    .innerJoin('members', 'members.id', 'conversation_members.member_id')
    .select(['members.id', 'members.name', 'conversation_members.joined_at'])
    .where('conversation_members.org_id', '=', conversation.org_id)
    .where('conversation_members.conversation_id', '=', conversation.id)
    .orderBy('conversation_members.joined_at')
    .orderBy('members.id')
    .execute();
  const at = conversation.announcement_at;
  if (!conversation.announcement || !at) {
    return { text: null, updatedAt: null, confirmed: [], pending: [], confirmedByMe: false };
  }
  const rows = await db
    .selectFrom('announcement_confirmations')
    .select(['member_id', 'confirmed_at'])
    .where('org_id', '=', conversation.org_id)
    .where('conversation_id', '=', conversation.id)
    .where('announcement_at', '=', at)
    .execute();
  const confirmedAt = new Map(rows.map((r) => [r.member_id, r.confirmed_at]));
  // Only current members count: someone who left is neither confirmed nor pending.
  const confirmed = members
    .flatMap((m) => {
      const when = confirmedAt.get(m.id);
      return when ? [{ id: m.id, name: m.name, at: when }] : [];
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    text: conversation.announcement,
    updatedAt: at,
    confirmed,
    pending: members.filter((m) => !confirmedAt.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
    confirmedByMe: confirmedAt.has(viewerId),
  };
}

export async function getAnnouncement(ctx: Ctx, actor: Actor, conversationId: string): Promise<AnnouncementView> {
  const { conversation } = await requireMembership(ctx.db, actor, conversationId);
  return announcementOf(ctx.db, conversation, actor.memberId);
}
