/** Rules for @member and @all in a message: mentioned people must be in the conversation. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { forbidden, invalid } from '../../platform/errors.js';
import { isGroupManager } from './membership.js';

/** The distinct mentioned ids, all members of the conversation; 400 naming the others. */
export async function checkMentions(
  db: Kysely<Database>,
  orgId: string,
  conversationId: string,
  mentions: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(mentions)];
  if (ids.length === 0) return ids;
  const rows = await db
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('conversation_id', '=', conversationId)
    .where('member_id', 'in', ids)
    .execute();
  const present = new Set(rows.map((r) => r.member_id));
  const outsiders = ids.filter((id) => !present.has(id));
  if (outsiders.length > 0) {
    throw invalid('Only members of this conversation can be mentioned', { field: 'mentions', memberIds: outsiders });
  }
  return ids;
}

/** @all reaches everyone, so only the owner and admins may use it. */
export function checkMentionAll(role: string): void {
  if (!isGroupManager(role)) throw forbidden('Only the group owner and admins can mention everyone (@all)');
}
