/**
 * A department that groups follow is being deleted: the groups stop following it and keep their
 * members. `conversations.department_id` references the department, so this runs inside the
 * directory's deleting transaction (an event after the commit would come too late: the delete
 * itself would fail on the reference). The caller publishes the returned events after commit.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import { type LoggedEvent, lockConversation } from '../conversation-rules.js';
import { appendConversationEvent } from '../event-log.js';

/** Unlinks every conversation following the department; logs `conversation.updated` for active ones. */
export async function unfollowDepartment(
  ctx: Pick<Ctx, 'clock'>,
  tx: Kysely<Database>,
  orgId: string,
  departmentId: string,
): Promise<LoggedEvent[]> {
  const rows = await tx
    .selectFrom('conversations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('department_id', '=', departmentId)
    .orderBy('id')
    .execute();
  const out: LoggedEvent[] = [];
  for (const { id } of rows) {
    const locked = await lockConversation(tx, orgId, id);
    await tx
      .updateTable('conversations')
      .set({ department_id: null })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    // A dissolved group changes no more: the link goes, but nothing is announced.
    if (locked.status !== 'active') continue;
    out.push(
      await appendConversationEvent(ctx, tx, {
        orgId,
        conversationId: id,
        type: 'conversation.updated',
        actorId: null,
        payload: { departmentId: null, reason: 'department_deleted' },
      }),
    );
  }
  return out;
}
