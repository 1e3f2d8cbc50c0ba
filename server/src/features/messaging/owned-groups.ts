/** The active groups a member owns: what a departure hands over (offboarding reports the count). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export async function ownedGroupCount(db: Kysely<Database>, orgId: string, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('conversation_members as cm')
    .innerJoin('conversations as c', 'c.id', 'cm.conversation_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('cm.org_id', '=', orgId)
    .where('cm.member_id', '=', memberId)
    .where('cm.role', '=', 'owner')
    .where('c.kind', '!=', 'direct')
    .where('c.status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
