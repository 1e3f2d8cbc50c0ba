/** What a departure hands over, counted for the offboarding report: groups owned, open to-dos. */
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

export async function openTodoCount(db: Kysely<Database>, orgId: string, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('todos')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('assignee_id', '=', memberId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
