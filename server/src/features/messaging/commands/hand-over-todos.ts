/**
 * A departing member's open to-dos in one conversation, after they left it: each goes to the
 * named successor when they are in the conversation, else back to the colleague who assigned it
 * if still there, else to the group's owner — someone who can read the message it points at and
 * be reminded of it. Without any of them it stays as it was (the departed member's history).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

export async function handOverTodos(
  tx: Kysely<Database>,
  input: { orgId: string; conversationId: string; memberId: string; successorId: string | null },
): Promise<number> {
  const open = await tx
    .selectFrom('todos')
    .select(['id', 'creator_id'])
    .where('org_id', '=', input.orgId)
    .where('conversation_id', '=', input.conversationId)
    .where('assignee_id', '=', input.memberId)
    .where('status', '=', 'open')
    .execute();
  if (open.length === 0) return 0;
  const present = await tx
    .selectFrom('conversation_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .select(['m.id', 'cm.role'])
    .where('cm.org_id', '=', input.orgId)
    .where('cm.conversation_id', '=', input.conversationId)
    .where('m.kind', '=', 'staff')
    .where('m.status', '=', 'active')
    .execute();
  const inIt = new Set(present.map((p) => p.id));
  const owner = present.find((p) => p.role === 'owner')?.id ?? null;
  let moved = 0;
  for (const todo of open) {
    const to =
      input.successorId && inIt.has(input.successorId)
        ? input.successorId
        : inIt.has(todo.creator_id)
          ? todo.creator_id
          : owner;
    if (!to) continue;
    await tx.updateTable('todos').set({ assignee_id: to }).where('id', '=', todo.id).execute();
    moved++;
  }
  return moved;
}
