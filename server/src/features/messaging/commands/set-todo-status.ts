/** Marks a to-do done or open again: its assignee or its creator, while in the conversation. */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { requireMembership } from '../membership.js';
import { presentTodos } from '../todo-presenter.js';
import { findTodo } from '../todo-queries.js';
import type { TodoOut } from '../tools-schemas.js';

export async function setTodoStatus(ctx: Ctx, actor: Actor, todoId: string, done: boolean): Promise<TodoOut> {
  const todo = await findTodo(ctx.db, actor.orgId, todoId);
  // Someone else's to-do answers like a missing one, so ids cannot be probed.
  if (!todo || (todo.assignee_id !== actor.memberId && todo.creator_id !== actor.memberId)) throw notFound('todo');
  await requireMembership(ctx.db, actor, todo.conversation_id).catch(() => {
    throw notFound('todo');
  });
  const status = done ? 'done' : 'open';
  const now = ctx.clock.now().toISOString();
  if (todo.status !== status) {
    await ctx.db
      .updateTable('todos')
      .set({ status, done_at: done ? now : null, done_by: done ? actor.memberId : null })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', todoId)
      .execute();
    ctx.bus.emit({
      type: 'todo.updated',
      orgId: actor.orgId,
      at: now,
      actorId: actor.memberId,
      data: { todoId, memberId: todo.assignee_id, creatorId: todo.creator_id, status },
    });
  }
  const fresh = await findTodo(ctx.db, actor.orgId, todoId);
  if (!fresh) throw notFound('todo');
  const [out] = await presentTodos(ctx.db, actor.orgId, actor.memberId, [fresh]);
  if (!out) throw notFound('todo');
  return out;
}
