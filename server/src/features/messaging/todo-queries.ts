/** Reads of to-dos: one by id, and a member's list, always within the org. */
import type { Kysely } from 'kysely';
import type { Database, TodoTable } from '../../platform/db/schema.js';

export type TodoRow = TodoTable & { creator_name: string; assignee_name: string };

function selectTodos(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('todos')
    .innerJoin('members as creator', 'creator.id', 'todos.creator_id')
    .innerJoin('members as assignee', 'assignee.id', 'todos.assignee_id')
    .selectAll('todos')
    .select(['creator.name as creator_name', 'assignee.name as assignee_name'])
    .where('todos.org_id', '=', orgId);
}

export async function findTodo(db: Kysely<Database>, orgId: string, id: string): Promise<TodoRow | undefined> {
  return selectTodos(db, orgId).where('todos.id', '=', id).executeTakeFirst();
}

/** The to-dos of a message for the given assignees. */
export async function todosOfMessage(
  db: Kysely<Database>,
  orgId: string,
  messageId: string,
  assigneeIds: readonly string[],
): Promise<TodoRow[]> {
  if (assigneeIds.length === 0) return [];
  return selectTodos(db, orgId)
    .where('todos.message_id', '=', messageId)
    .where('todos.assignee_id', 'in', [...assigneeIds])
    .orderBy('assignee.name')
    .orderBy('todos.id')
    .execute();
}

export type TodoFilter = {
  memberId: string;
  role: 'assignee' | 'creator';
  status?: 'open' | 'done' | undefined;
  after: { at: string; id: string } | null;
  limit: number;
};

/**
 * A member's to-dos, newest first, only in conversations they still belong to (a member who
 * left a group no longer sees its messages, to-dos included).
 */
export async function listTodoRows(db: Kysely<Database>, orgId: string, filter: TodoFilter): Promise<TodoRow[]> {
  let query = selectTodos(db, orgId)
    .innerJoin('conversation_members as cm', (join) =>
      join.onRef('cm.conversation_id', '=', 'todos.conversation_id').on('cm.member_id', '=', filter.memberId),
    )
    .where(filter.role === 'creator' ? 'todos.creator_id' : 'todos.assignee_id', '=', filter.memberId);
  if (filter.status) query = query.where('todos.status', '=', filter.status);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('todos.created_at', '<', after.at),
        eb.and([eb('todos.created_at', '=', after.at), eb('todos.id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('todos.created_at', 'desc').orderBy('todos.id', 'desc').limit(filter.limit).execute();
}
