/**
 * Turns a message into to-dos, one per chosen member of its conversation, with an optional due
 * date (and a reminder job). Making the same to-do again for a member returns the first one.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { requireVisibleMessage } from '../message-queries.js';
import { presentTodos } from '../todo-presenter.js';
import { todosOfMessage } from '../todo-queries.js';
import { scheduleTodoReminder } from '../todo-reminder.js';
import type { CreateTodoInput, TodoOut } from '../tools-schemas.js';
import { isUniqueViolation } from './store-message.js';

function parseDue(ctx: Ctx, dueAt: string | undefined): string | null {
  if (dueAt === undefined) return null;
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) throw invalid('The due date is not a valid time', { field: 'dueAt' });
  if (due.getTime() <= ctx.clock.now().getTime()) throw invalid('The due date has already passed', { field: 'dueAt' });
  return due.toISOString();
}

export async function createTodos(
  ctx: Ctx,
  actor: Actor,
  messageId: string,
  input: CreateTodoInput,
): Promise<TodoOut[]> {
  const { message } = await requireVisibleMessage(ctx.db, actor, messageId);
  if (message.recalled_at) throw conflict('A recalled message cannot become a to-do');
  const dueAt = parseDue(ctx, input.dueAt);
  const assigneeIds = [...new Set(input.assigneeIds)];
  const members = await ctx.db
    .selectFrom('conversation_members')
    .select('member_id')
    .where('org_id', '=', actor.orgId)
    .where('conversation_id', '=', message.conversation_id)
    .where('member_id', 'in', assigneeIds)
    .execute();
  const inConversation = new Set(members.map((m) => m.member_id));
  const outside = assigneeIds.filter((id) => !inConversation.has(id));
  if (outside.length > 0) {
    throw invalid('To-dos can only be given to members of this conversation', {
      field: 'assigneeIds',
      memberIds: outside,
    });
  }

  const now = ctx.clock.now().toISOString();
  let created: { id: string; assigneeId: string }[] = [];
  try {
    created = await ctx.db.transaction().execute(async (tx) => {
      const existing = new Set(
        (await todosOfMessage(tx, actor.orgId, messageId, assigneeIds)).map((t) => t.assignee_id),
      );
      const fresh = assigneeIds.filter((id) => !existing.has(id)).map((id) => ({ id: ctx.ids.next(), assigneeId: id }));
      for (const todo of fresh) {
        await tx
          .insertInto('todos')
          .values({
            id: todo.id,
            org_id: actor.orgId,
            conversation_id: message.conversation_id,
            message_id: messageId,
            creator_id: actor.memberId,
            assignee_id: todo.assigneeId,
            due_at: dueAt,
            status: 'open',
            done_at: null,
            done_by: null,
            created_at: now,
          })
          .execute();
        if (dueAt) await scheduleTodoReminder(ctx, tx, { id: todo.id, orgId: actor.orgId, dueAt });
      }
      return fresh;
    });
  } catch (err) {
    // The same to-do made twice at once: the first one stands and is returned below.
    if (!isUniqueViolation(err)) throw err;
  }
  for (const todo of created) {
    ctx.bus.emit({
      type: 'todo.created',
      orgId: actor.orgId,
      at: now,
      actorId: actor.memberId,
      data: {
        todoId: todo.id,
        memberId: todo.assigneeId,
        messageId,
        conversationId: message.conversation_id,
        dueAt,
      },
    });
  }
  const rows = await todosOfMessage(ctx.db, actor.orgId, messageId, assigneeIds);
  return presentTodos(ctx.db, actor.orgId, actor.memberId, rows);
}
