/** Reads the gateway needs: a member's conversations with their last seq, presence partners, token liveness. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/** conversationId → last_seq for every conversation the member belongs to (optionally only `ids`). */
export async function conversationCursorsOf(
  db: Kysely<Database>,
  orgId: string,
  memberId: string,
  ids?: readonly string[],
): Promise<Map<string, number>> {
  if (ids && ids.length === 0) return new Map();
  let query = db
    .selectFrom('conversation_members')
    .innerJoin('conversations', 'conversations.id', 'conversation_members.conversation_id')
    .select(['conversations.id as id', 'conversations.last_seq as last_seq'])
    .where('conversation_members.org_id', '=', orgId)
    .where('conversation_members.member_id', '=', memberId);
  if (ids) query = query.where('conversations.id', 'in', [...ids]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, Number(r.last_seq)]));
}

/**
 * Who sees a member's presence: the other side of each of their direct (1:1) conversations.
 * Not whole groups — a 10,000-member group would turn every connect into 10,000 frames.
 */
export async function presenceWatchersOf(db: Kysely<Database>, orgId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_members as mine')
    .innerJoin('conversations', 'conversations.id', 'mine.conversation_id')
    .innerJoin('conversation_members as other', 'other.conversation_id', 'mine.conversation_id')
    .select('other.member_id as member_id')
    .distinct()
    .where('mine.org_id', '=', orgId)
    .where('mine.member_id', '=', memberId)
    .where('conversations.kind', '=', 'direct')
    .where('other.member_id', '!=', memberId)
    .execute();
  return rows.map((r) => r.member_id);
}

/** Whether the session or API token a socket signed in with still grants access. */
export async function credentialIsLive(
  db: Kysely<Database>,
  credential: { sessionId: string | null; apiTokenId: string | null },
  nowIso: string,
): Promise<boolean> {
  if (credential.sessionId) {
    const row = await db
      .selectFrom('sessions')
      .select(['revoked_at', 'expires_at'])
      .where('id', '=', credential.sessionId)
      .executeTakeFirst();
    return !!row && !row.revoked_at && row.expires_at > nowIso;
  }
  if (credential.apiTokenId) {
    const row = await db
      .selectFrom('api_tokens')
      .select(['revoked_at', 'expires_at'])
      .where('id', '=', credential.apiTokenId)
      .executeTakeFirst();
    return !!row && !row.revoked_at && (!row.expires_at || row.expires_at > nowIso);
  }
  return false;
}
