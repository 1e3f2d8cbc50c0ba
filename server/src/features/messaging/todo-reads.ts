/** Read path of the to-do list: the actor's to-dos, a page at a time. */
import type { Ctx } from '../../app/context.js';
import type { Actor } from '../../authz/actor.js';
import { presentTodos } from './todo-presenter.js';
import { listTodoRows } from './todo-queries.js';
import { decodeCursor, encodeCursor } from './tools-previews.js';
import type { ListTodosInput, TodoOut } from './tools-schemas.js';

export async function listTodos(
  ctx: Ctx,
  actor: Actor,
  query: ListTodosInput,
): Promise<{ items: TodoOut[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const rows = await listTodoRows(ctx.db, actor.orgId, {
    memberId: actor.memberId,
    role: query.role ?? 'assignee',
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await presentTodos(ctx.db, actor.orgId, actor.memberId, page),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}
