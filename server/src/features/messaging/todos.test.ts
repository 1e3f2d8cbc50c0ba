import { describe, expect, it } from 'vitest';
import { type Headers, useMessagingFixture } from '../../../test/messaging-fixture.js';
import { STORE_KINDS } from '../../../test/stores.js';

type Todo = {
  id: string;
  status: string;
  dueAt: string | null;
  doneAt: string | null;
  creator: { id: string; name: string };
  assignee: { id: string; name: string };
  message: { id: string; conversationId: string; conversationName: string; preview: string; senderName: string | null };
};

const HOUR = 3_600_000;

describe.each(STORE_KINDS)('to-dos from messages on %s', (kind) => {
  const f = useMessagingFixture(kind);

  const makeTodo = (h: Headers, messageId: string, payload: Record<string, unknown>) =>
    f.server.app.inject({ method: 'POST', url: `/api/v1/messages/${messageId}/todo`, headers: h, payload });
  const listTodos = async (h: Headers, query = '') => {
    const res = await f.server.app.inject({ method: 'GET', url: `/api/v1/todos${query}`, headers: h });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Todo[]; nextCursor: string | null };
  };
  const mark = (h: Headers, id: string, what: 'done' | 'undone') =>
    f.server.app.inject({ method: 'POST', url: `/api/v1/todos/${id}/${what}`, headers: h });

  const reminders: { todoId: unknown; memberId: unknown }[] = [];
  const watch = () =>
    f.server.ctx.bus.on('todo.reminder', (e) => {
      reminders.push({ todoId: e.data.todoId, memberId: e.data.memberId });
    });

  it('makes one to-do per assignee, listed for each with the message preview and group name', async () => {
    const id = await f.group();
    const msg = await f.sendOk(f.owner.h, id, '请把周报发给我，谢谢');
    const dueAt = new Date(f.server.clock.now().getTime() + 24 * HOUR).toISOString();
    const res = await makeTodo(f.owner.h, msg.id, { assigneeIds: [f.alice.id, f.bob.id, f.alice.id], dueAt });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Todo[] }).items;
    expect(items.map((t) => t.assignee.id).sort()).toEqual([f.alice.id, f.bob.id].sort());

    const mine = await listTodos(f.alice.h, '?status=open');
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      status: 'open',
      dueAt,
      creator: { id: f.owner.id },
      assignee: { id: f.alice.id, name: '张三' },
      message: { id: msg.id, conversationId: id, conversationName: '项目群', preview: '请把周报发给我，谢谢' },
    });
    expect((await listTodos(f.owner.h, '?role=creator')).items.length).toBeGreaterThanOrEqual(2);
    // Making it again returns the same to-dos instead of copies.
    const again = await makeTodo(f.owner.h, msg.id, { assigneeIds: [f.alice.id] });
    expect((again.json() as { items: Todo[] }).items.map((t) => t.id)).toEqual([mine.items[0]?.id]);
  });

  it('lets the assignee and the creator mark it done and undone, and nobody else', async () => {
    const id = await f.group();
    const msg = await f.sendOk(f.alice.h, id, '整理客户名单');
    const [todo] = ((await makeTodo(f.alice.h, msg.id, { assigneeIds: [f.bob.id] })).json() as { items: Todo[] }).items;
    if (!todo) throw new Error('no to-do');
    expect((await mark(f.admin.h, todo.id, 'done')).statusCode).toBe(404);
    expect((await mark(f.outsider.h, todo.id, 'done')).statusCode).toBe(404);
    const done = await mark(f.bob.h, todo.id, 'done');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneAt: f.server.clock.now().toISOString() });
    expect((await listTodos(f.bob.h, '?status=open')).items.map((t) => t.id)).not.toContain(todo.id);
    expect((await listTodos(f.bob.h, '?status=done')).items.map((t) => t.id)).toContain(todo.id);
    const undone = await mark(f.alice.h, todo.id, 'undone');
    expect(undone.json()).toMatchObject({ status: 'open', doneAt: null });
  });

  it('refuses assignees outside the conversation, a past due date, and non-members of the conversation', async () => {
    const id = await f.group();
    const msg = await f.sendOk(f.owner.h, id, '提交报销');
    const outside = await makeTodo(f.owner.h, msg.id, { assigneeIds: [f.outsider.id] });
    expect(outside.statusCode).toBe(400);
    const past = new Date(f.server.clock.now().getTime() - 1000).toISOString();
    expect((await makeTodo(f.owner.h, msg.id, { assigneeIds: [f.alice.id], dueAt: past })).statusCode).toBe(400);
    expect((await makeTodo(f.outsider.h, msg.id, { assigneeIds: [f.outsider.id] })).statusCode).toBe(404);
    expect((await listTodos(f.outsider.h)).items).toEqual([]);
  });

  it('reminds the assignee an hour before the due time through a job, once', async () => {
    const stop = watch();
    reminders.length = 0;
    const id = await f.group();
    const msg = await f.sendOk(f.owner.h, id, '周三前提交预算');
    const dueAt = new Date(f.server.clock.now().getTime() + 3 * HOUR).toISOString();
    const [todo] = (
      (await makeTodo(f.owner.h, msg.id, { assigneeIds: [f.alice.id], dueAt })).json() as {
        items: Todo[];
      }
    ).items;
    const worker = f.server.runtime.worker;
    await worker.runDue();
    f.server.clock.advance(2 * HOUR - 1000);
    await worker.runDue();
    await f.server.ctx.bus.drain();
    expect(reminders).toEqual([]);
    f.server.clock.advance(1000);
    await worker.runDue();
    await f.server.ctx.bus.drain();
    expect(reminders).toEqual([{ todoId: todo?.id, memberId: f.alice.id }]);
    f.server.clock.advance(2 * HOUR);
    await worker.runDue();
    await f.server.ctx.bus.drain();
    expect(reminders).toHaveLength(1);
    stop();
    await f.refreshSessions();
    // The reminder reaches the assignee as a notification that leads to the conversation.
    const inbox = await f.server.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: f.alice.h });
    expect(inbox.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'todo_due',
        data: { conversationId: id, excerpt: '周三前提交预算', dueAt },
        link: `/messages/${id}`,
      }),
    );
  });

  it('sends no reminder for a to-do done before its reminder time', async () => {
    const stop = watch();
    reminders.length = 0;
    const id = await f.group();
    const msg = await f.sendOk(f.owner.h, id, '更新合同');
    const dueAt = new Date(f.server.clock.now().getTime() + 2 * HOUR).toISOString();
    const [todo] = (
      (await makeTodo(f.owner.h, msg.id, { assigneeIds: [f.bob.id], dueAt })).json() as {
        items: Todo[];
      }
    ).items;
    if (!todo) throw new Error('no to-do');
    expect((await mark(f.bob.h, todo.id, 'done')).statusCode).toBe(200);
    f.server.clock.advance(3 * HOUR);
    await f.server.runtime.worker.runDue();
    await f.server.ctx.bus.drain();
    expect(reminders).toEqual([]);
    const job = await f.server.ctx.db
      .selectFrom('jobs')
      .select('state')
      .where('type', '=', 'messaging.todo_reminder')
      .where('payload', 'like', `%${todo.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.state).toBe('done');
    stop();
    await f.refreshSessions();
  });
});
