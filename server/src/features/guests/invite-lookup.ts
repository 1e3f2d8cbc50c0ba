/**
 * An invite found by its code alone (a visitor has no org yet), with its group and org. The
 * code is the secret: 404 for unknown codes, and nothing beyond the group's name and size is told.
 */
import type { Kysely } from 'kysely';
import type { ConversationInviteTable, Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';

export type InviteWithGroup = {
  invite: ConversationInviteTable;
  conversation: { id: string; kind: string; name: string | null; avatarUrl: string | null; status: string };
  orgName: string;
};

export async function findInviteByCode(db: Kysely<Database>, code: string): Promise<InviteWithGroup> {
  const invite = await db.selectFrom('conversation_invites').selectAll().where('code', '=', code).executeTakeFirst();
  if (!invite) throw notFound('invite');
  const row = await db
    .selectFrom('conversations')
    .innerJoin('orgs', 'orgs.id', 'conversations.org_id')
    .select([
      'conversations.id',
      'conversations.kind',
      'conversations.name',
      'conversations.avatar_url',
      'conversations.status',
      'orgs.name as org_name',
    ])
    .where('conversations.id', '=', invite.conversation_id)
    .where('conversations.org_id', '=', invite.org_id)
    .executeTakeFirst();
  if (!row) throw notFound('invite');
  return {
    invite,
    conversation: { id: row.id, kind: row.kind, name: row.name, avatarUrl: row.avatar_url, status: row.status },
    orgName: row.org_name,
  };
}

/** The guest of this group with this verified email, if they joined before, and whether they are still in it. */
export async function findGuest(db: Kysely<Database>, conversationId: string, email: string) {
  const row = await db
    .selectFrom('guest_identities')
    .innerJoin('members', 'members.id', 'guest_identities.member_id')
    .leftJoin('conversation_members as cm', (join) =>
      join.onRef('cm.member_id', '=', 'members.id').on('cm.conversation_id', '=', conversationId),
    )
    .select(['members.id', 'members.name', 'cm.member_id as in_group'])
    .where('guest_identities.conversation_id', '=', conversationId)
    .where('guest_identities.email', '=', email)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, inGroup: row.in_group !== null } : undefined;
}
