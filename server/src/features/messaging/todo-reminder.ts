/**
 * Reminders of to-dos with a due date: a job queued for an hour before the due time (or at
 * once when that is already past). When it runs it emits `todo.reminder` for the assignee —
 * the realtime gateway or notifications deliver it — unless the to-do was done meanwhile or
 * the assignee has left the conversation.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../app/context.js';
import type { Database } from '../../platform/db/schema.js';
import { enqueueJob } from '../../platform/jobs/queue.js';

export const TODO_REMINDER_JOB = 'messaging.todo_reminder';
/** How long before the due time the assignee is reminded. */
export const REMIND_BEFORE_MS = 60 * 60 * 1000;

/** Queues the reminder inside the caller's transaction. */
export async function scheduleTodoReminder(
  ctx: Pick<Ctx, 'clock' | 'ids'>,
  tx: Kysely<Database>,
  todo: { id: string; orgId: string; dueAt: string },
): Promise<void> {
  const remindAt = Math.max(ctx.clock.now().getTime(), new Date(todo.dueAt).getTime() - REMIND_BEFORE_MS);
  await enqueueJob(tx, ctx, {
    type: TODO_REMINDER_JOB,
    orgId: todo.orgId,
    payload: { todoId: todo.id },
    runAt: new Date(remindAt),
  });
}

/** The job handler: one reminder, or nothing when it is no longer needed. */
export async function runTodoReminder(ctx: Ctx, orgId: string | null, payload: Record<string, unknown>): Promise<void> {
  const todoId = payload.todoId;
  if (typeof todoId !== 'string' || !orgId) return;
  const todo = await ctx.db
    .selectFrom('todos')
    .innerJoin('conversation_members as cm', (join) =>
      join.onRef('cm.conversation_id', '=', 'todos.conversation_id').onRef('cm.member_id', '=', 'todos.assignee_id'),
    )
    .selectAll('todos')
    .where('todos.org_id', '=', orgId)
    .where('todos.id', '=', todoId)
    .executeTakeFirst();
  if (todo?.status !== 'open') return;
  ctx.bus.emit({
    type: 'todo.reminder',
    orgId,
    at: ctx.clock.now().toISOString(),
    actorId: null,
    data: {
      todoId: todo.id,
      memberId: todo.assignee_id,
      messageId: todo.message_id,
      conversationId: todo.conversation_id,
      dueAt: todo.due_at,
    },
  });
}
