/** After sending: recall, edit, delete for oneself, paging, read cursors, readers, welcome messages. */
import { MESSAGING_LIMITS } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { type Headers, type Msg, useMessagingFixture } from '../../../test/messaging-fixture.js';
import { STORE_KINDS } from '../../../test/stores.js';
import type { DomainEvent } from '../../platform/bus.js';

describe.each(STORE_KINDS)('message lifecycle on %s', (kind) => {
  const f = useMessagingFixture(kind);
  const { group, sendOk, list } = f;

  it('recalls within 120 s for the sender, refuses after, and lets an admin recall any time (audited)', async () => {
    const conv = await group();
    const early = await sendOk(f.alice.h, conv, '说错了');
    const late = await sendOk(f.alice.h, conv, '过时的话');
    const recalled = await f.server.app.inject({
      method: 'POST',
      url: `/api/v1/messages/${early.id}/recall`,
      headers: f.alice.h,
    });
    expect(recalled.statusCode).toBe(200);
    expect(recalled.json()).toMatchObject({ id: early.id, body: '', recalledAt: expect.any(String) });

    f.server.clock.advance(121_000);
    const tooLate = await f.server.app.inject({
      method: 'POST',
      url: `/api/v1/messages/${late.id}/recall`,
      headers: f.alice.h,
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error.message).toMatch(/2 minutes/);
    const byOther = await f.server.app.inject({
      method: 'POST',
      url: `/api/v1/messages/${late.id}/recall`,
      headers: f.bob.h,
    });
    expect(byOther.statusCode).toBe(403);
    const byAdmin = await f.server.app.inject({
      method: 'POST',
      url: `/api/v1/messages/${late.id}/recall`,
      headers: f.admin.h,
    });
    expect(byAdmin.statusCode).toBe(200);

    const audit = await f.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'actor_id'])
      .where('org_id', '=', f.org.orgId)
      .where('action', '=', 'message.recalled')
      .execute();
    expect(audit).toEqual([{ action: 'message.recalled', target_id: late.id, actor_id: f.admin.id }]);

    const page = await list(f.bob.h, conv);
    expect(page.items.map((m) => [m.body, m.recalledAt !== null])).toEqual([
      ['', true],
      ['', true],
    ]);
    const rows = await f.server.ctx.db
      .selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', conv)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.body)).toEqual(['说错了', '过时的话']);
    const events = await f.server.ctx.db
      .selectFrom('conversation_events')
      .select(['seq', 'type'])
      .where('conversation_id', '=', conv)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [Number(e.seq), e.type])).toEqual([
      [1, 'message.created'],
      [2, 'message.created'],
      [3, 'message.recalled'],
      [4, 'message.recalled'],
    ]);
  });

  it('edits within the window only, for the sender only, and keeps the previous text in the event', async () => {
    const conv = await group();
    const sent = await sendOk(f.alice.h, conv, '初稿');
    const url = `/api/v1/messages/${sent.id}`;
    const byBob = await f.server.app.inject({ method: 'PATCH', url, headers: f.bob.h, payload: { body: '篡改' } });
    expect(byBob.statusCode).toBe(403);
    const edited = await f.server.app.inject({ method: 'PATCH', url, headers: f.alice.h, payload: { body: '定稿' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: '定稿', editedAt: expect.any(String), seq: sent.seq });
    const event = await f.server.ctx.db
      .selectFrom('conversation_events')
      .select('payload')
      .where('conversation_id', '=', conv)
      .where('type', '=', 'message.edited')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ messageId: sent.id, body: '定稿', previousBody: '初稿' });
    expect((await list(f.bob.h, conv)).items[0]?.body).toBe('定稿');

    f.server.clock.advance((MESSAGING_LIMITS.editWindowSeconds + 1) * 1000);
    await f.refreshSessions();
    const late = await f.server.app.inject({ method: 'PATCH', url, headers: f.alice.h, payload: { body: '再改' } });
    expect(late.statusCode).toBe(409);

    const fresh = await sendOk(f.alice.h, conv, '撤回后不能改');
    await f.server.app.inject({ method: 'POST', url: `/api/v1/messages/${fresh.id}/recall`, headers: f.alice.h });
    const afterRecall = await f.server.app.inject({
      method: 'PATCH',
      url: `/api/v1/messages/${fresh.id}`,
      headers: f.alice.h,
      payload: { body: '改' },
    });
    expect(afterRecall.statusCode).toBe(409);
  });

  it('deletes a message for the actor only', async () => {
    const conv = await group();
    const keep = await sendOk(f.alice.h, conv, '保留');
    const gone = await sendOk(f.alice.h, conv, '只对我删除');
    const res = await f.server.app.inject({ method: 'DELETE', url: `/api/v1/messages/${gone.id}`, headers: f.bob.h });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const again = await f.server.app.inject({ method: 'DELETE', url: `/api/v1/messages/${gone.id}`, headers: f.bob.h });
    expect(again.statusCode).toBe(200);
    expect((await list(f.bob.h, conv)).items.map((m) => m.id)).toEqual([keep.id]);
    expect((await list(f.alice.h, conv)).items.map((m) => m.id)).toEqual([keep.id, gone.id]);
    const events = await f.server.ctx.db
      .selectFrom('conversation_events')
      .select('seq')
      .where('conversation_id', '=', conv)
      .execute();
    expect(events).toHaveLength(2);
  });

  it('pages backwards with before and catches up with after, oldest first', async () => {
    const conv = await group();
    const sent: Msg[] = [];
    for (let i = 1; i <= 7; i++) sent.push(await sendOk(f.alice.h, conv, `消息${i}`));
    const newest = await list(f.bob.h, conv, '?limit=3');
    expect(newest.items.map((m) => m.seq)).toEqual([5, 6, 7]);
    expect(newest.hasMore).toBe(true);
    const older = await list(f.bob.h, conv, '?limit=3&before=5');
    expect(older.items.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(older.hasMore).toBe(true);
    const oldest = await list(f.bob.h, conv, '?limit=3&before=2');
    expect(oldest.items.map((m) => m.seq)).toEqual([1]);
    expect(oldest.hasMore).toBe(false);
    const after = await list(f.bob.h, conv, '?after=4');
    expect(after.items.map((m) => m.body)).toEqual(['消息5', '消息6', '消息7']);
    expect(after.hasMore).toBe(false);
    const afterPaged = await list(f.bob.h, conv, '?after=1&limit=2');
    expect(afterPaged.items.map((m) => m.seq)).toEqual([2, 3]);
    expect(afterPaged.hasMore).toBe(true);
    const tooMany = await f.server.app.inject({
      method: 'GET',
      url: `/api/v1/conversations/${conv}/messages?limit=201`,
      headers: f.bob.h,
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('moves the read cursor forward only, emits a receipt, and lists readers', async () => {
    const conv = await group();
    const receipts: DomainEvent[] = [];
    const off = f.server.ctx.bus.on('conversation.read', (e) => {
      receipts.push(e);
    });
    const first = await sendOk(f.alice.h, conv, '一');
    const second = await sendOk(f.alice.h, conv, '二');
    const read = (h: Headers, seq: number) =>
      f.server.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv}/read`, headers: h, payload: { seq } });

    expect((await read(f.bob.h, 2)).json()).toEqual({ conversationId: conv, readSeq: 2 });
    expect((await read(f.bob.h, 1)).json()).toEqual({ conversationId: conv, readSeq: 2 });
    expect((await read(f.bob.h, 3)).statusCode).toBe(400);
    expect((await read(f.admin.h, 1)).statusCode).toBe(200);
    await f.server.ctx.bus.drain();
    off();
    expect(receipts.map((e) => e.data)).toEqual([
      { conversationId: conv, memberId: f.bob.id, readSeq: 2 },
      { conversationId: conv, memberId: f.admin.id, readSeq: 1 },
    ]);
    const events = await f.server.ctx.db
      .selectFrom('conversation_events')
      .select('type')
      .where('conversation_id', '=', conv)
      .execute();
    expect(events.every((e) => e.type === 'message.created')).toBe(true);

    const readers = async (id: string) => {
      const res = await f.server.app.inject({
        method: 'GET',
        url: `/api/v1/messages/${id}/readers`,
        headers: f.alice.h,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { read: { id: string }[]; unread: { id: string }[] };
      return { read: body.read.map((m) => m.id).sort(), unread: body.unread.map((m) => m.id).sort() };
    };
    // The sender is left out; the sender's own cursor moved with the send.
    expect(await readers(first.id)).toEqual({ read: [f.admin.id, f.bob.id].sort(), unread: [f.org.ownerId] });
    expect(await readers(second.id)).toEqual({ read: [f.bob.id], unread: [f.admin.id, f.org.ownerId].sort() });
    const aliceCursor = await f.server.ctx.db
      .selectFrom('conversation_members')
      .select('read_seq')
      .where('conversation_id', '=', conv)
      .where('member_id', '=', f.alice.id)
      .executeTakeFirstOrThrow();
    expect(Number(aliceCursor.read_seq)).toBe(2);
  });

  it('posts a welcome system message when members are added with one', async () => {
    const conv = await group();
    const event = {
      type: 'conversation.member_added',
      orgId: f.org.orgId,
      at: f.server.clock.now().toISOString(),
      actorId: f.org.ownerId,
      data: { conversationId: conv, seq: 7, payload: { memberIds: [f.bob.id], welcomeMessage: '欢迎加入项目群！' } },
    };
    f.server.ctx.bus.emit(event);
    f.server.ctx.bus.emit(event);
    await f.server.ctx.bus.drain();
    const page = await list(f.bob.h, conv);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: 'system', sender: null, body: '欢迎加入项目群！' });
  });
});
