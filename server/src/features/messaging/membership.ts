/**
 * Who belongs to a conversation. Every messaging command and query starts here: a conversation
 * of another org, or one the actor is not a member of, answers 404.
 */
import type { ConversationRole } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor.js';
import type { ConversationMemberTable, ConversationTable, Database } from '../../platform/db/schema.js';
import { invalid, notFound } from '../../platform/errors.js';

export type Membership = { conversation: ConversationTable; membership: ConversationMemberTable };

/** The conversation and the actor's membership; 404 when either is missing. */
export async function requireMembership(
  db: Kysely<Database>,
  actor: Pick<Actor, 'orgId' | 'memberId'>,
  conversationId: string,
): Promise<Membership> {
  const row = await db
    .selectFrom('conversations')
    .innerJoin('conversation_members', 'conversation_members.conversation_id', 'conversations.id')
    .selectAll('conversations')
    .select([
      'conversation_members.role as member_role',
      'conversation_members.joined_at as member_joined_at',
      'conversation_members.read_seq as member_read_seq',
      'conversation_members.pinned as member_pinned',
      'conversation_members.muted as member_muted',
    ])
    .where('conversations.org_id', '=', actor.orgId)
    .where('conversations.id', '=', conversationId)
    .where('conversation_members.member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  const { member_role, member_joined_at, member_read_seq, member_pinned, member_muted, ...conversation } = row;
  return {
    conversation,
    membership: {
      org_id: actor.orgId,
      conversation_id: conversationId,
      member_id: actor.memberId,
      role: member_role,
      joined_at: member_joined_at,
      read_seq: Number(member_read_seq),
      pinned: member_pinned,
      muted: member_muted,
    },
  };
}

/** Owner and admins manage a group (settings, members, @all). */
export function isGroupManager(role: string): boolean {
  return role === ('owner' satisfies ConversationRole) || role === ('admin' satisfies ConversationRole);
}

/** External participants take part in a group but never own or manage it. */
export const guestCannotManage = () =>
  invalid('An external participant cannot own or manage the group', { field: 'memberId', reason: 'guest' });

/** Ids of the conversations a member belongs to (the realtime gateway subscribes to these). */
export async function conversationIdsOf(db: Kysely<Database>, orgId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_members')
    .select('conversation_id')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.conversation_id);
}

/** Member ids of a conversation (for fan-out). */
export async function memberIdsOf(db: Kysely<Database>, orgId: string, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .execute();
  return rows.map((r) => r.member_id);
}
