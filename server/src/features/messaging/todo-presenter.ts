/** To-do rows → API shape, with a preview of the message each was made from. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { TodoRow } from './todo-queries.js';
import { messagePreviews } from './tools-previews.js';
import type { TodoOut } from './tools-schemas.js';

export async function presentTodos(
  db: Kysely<Database>,
  orgId: string,
  viewerId: string,
  rows: readonly TodoRow[],
): Promise<TodoOut[]> {
  const previews = await messagePreviews(
    db,
    orgId,
    viewerId,
    rows.map((r) => r.message_id),
  );
  return rows.flatMap((r) => {
    const message = previews.get(r.message_id);
    if (!message) return [];
    return [
      {
        id: r.id,
        status: r.status,
        dueAt: r.due_at,
        doneAt: r.done_at,
        createdAt: r.created_at,
        creator: { id: r.creator_id, name: r.creator_name },
        assignee: { id: r.assignee_id, name: r.assignee_name },
        message,
      },
    ];
  });
}
