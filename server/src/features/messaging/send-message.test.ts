/** Sending: idempotent retries, seqs, body, membership, mentions and reply rules, bus events. */
import { MESSAGING_LIMITS } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { makeOrg, sessionFor } from '../../../test/factories.js';
import { type Msg, useMessagingFixture } from '../../../test/messaging-fixture.js';
import { STORE_KINDS } from '../../../test/stores.js';
import type { DomainEvent } from '../../platform/bus.js';

describe.each(STORE_KINDS)('sending messages on %s', (kind) => {
  const f = useMessagingFixture(kind);
  const { group, send, sendOk, list, countRows } = f;

  it('sends a message and lists it with sender, seq and Chinese text intact', async () => {
    const conv = await group();
    const sent = await sendOk(f.alice.h, conv, '  你好，大家好！  ');
    expect(sent).toMatchObject({ conversationId: conv, seq: 1, body: '你好，大家好！', kind: 'text' });
    expect(sent.sender).toEqual({ id: f.alice.id, name: '张三' });
    const page = await list(f.bob.h, conv);
    expect(page.hasMore).toBe(false);
    expect(page.items.map((m) => m.id)).toEqual([sent.id]);
    expect(page.items[0]).toEqual(sent);
  });

  it('returns the stored message for a retried send and never stores a duplicate', async () => {
    const conv = await group();
    const payload = { clientMsgId: 'retry-1', body: '只发一次' };
    const url = `/api/v1/conversations/${conv}/messages`;
    const first = await f.server.app.inject({ method: 'POST', url, headers: f.alice.h, payload });
    const second = await f.server.app.inject({ method: 'POST', url, headers: f.alice.h, payload });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await countRows(conv)).toBe(1);
    // The same client id from another sender is a different message.
    const other = await f.server.app.inject({ method: 'POST', url, headers: f.bob.h, payload });
    expect(other.json().id).not.toBe(first.json().id);
  });

  it('stores exactly one message under five concurrent retries', async () => {
    const conv = await group();
    const url = `/api/v1/conversations/${conv}/messages`;
    const payload = { clientMsgId: 'burst', body: '并发重试' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => f.server.app.inject({ method: 'POST', url, headers: f.alice.h, payload })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set(results.map((r) => (r.json() as Msg).id));
    const seqs = new Set(results.map((r) => (r.json() as Msg).seq));
    expect(ids.size).toBe(1);
    expect(seqs.size).toBe(1);
    expect(await countRows(conv)).toBe(1);
    const last = await f.server.ctx.db
      .selectFrom('conversations')
      .select('last_seq')
      .where('id', '=', conv)
      .executeTakeFirstOrThrow();
    expect(Number(last.last_seq)).toBe(1);
  });

  it('gives gapless, strictly increasing seqs shared with the event log', async () => {
    const conv = await group();
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, i) => sendOk(i % 2 ? f.alice.h : f.bob.h, conv, `第${i}条`)),
    );
    const seqs = sent.map((m) => m.seq).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const events = await f.server.ctx.db
      .selectFrom('conversation_events')
      .select(['seq', 'type', 'message_id'])
      .where('conversation_id', '=', conv)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => Number(e.seq))).toEqual(seqs);
    for (const m of sent) {
      expect(events.find((e) => Number(e.seq) === m.seq)).toMatchObject({ type: 'message.created', message_id: m.id });
    }
    const page = await list(f.alice.h, conv);
    expect(page.items.map((m) => m.seq)).toEqual(seqs);
  });

  it('refuses empty and oversized bodies and stores nothing', async () => {
    const conv = await group();
    for (const body of [
      '',
      '   \n  ',
      'x'.repeat(MESSAGING_LIMITS.messageBodyMax + 1),
      '字'.repeat(MESSAGING_LIMITS.messageBodyMax + 1),
    ]) {
      const res = await send(f.alice.h, conv, { body });
      expect(res.statusCode, body.slice(0, 10)).toBe(400);
      expect(res.json().error.code).toBe('invalid');
    }
    const missingId = await f.server.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conv}/messages`,
      headers: f.alice.h,
      payload: { body: 'no client id' },
    });
    expect(missingId.statusCode).toBe(400);
    expect(await countRows(conv)).toBe(0);
    const atLimit = await sendOk(f.alice.h, conv, '字'.repeat(MESSAGING_LIMITS.messageBodyMax));
    expect([...atLimit.body].length).toBe(MESSAGING_LIMITS.messageBodyMax);
  });

  it('answers 404 to non-members, unknown ids and another org, and 409 in a dissolved group', async () => {
    const conv = await group();
    const message = await sendOk(f.alice.h, conv, '内部消息');
    expect((await send(f.outsider.h, conv, { body: 'hi' })).statusCode).toBe(404);
    expect((await send(f.alice.h, f.server.ctx.ids.next(), { body: 'hi' })).statusCode).toBe(404);
    const other = await makeOrg(f.server.ctx, '别家公司');
    const stranger = await sessionFor(f.server.ctx, other.orgId, other.ownerId);
    expect((await send(stranger, conv, { body: 'hi' })).statusCode).toBe(404);
    const reads = [
      { method: 'GET', url: `/api/v1/conversations/${conv}/messages` },
      { method: 'POST', url: `/api/v1/conversations/${conv}/read`, payload: { seq: 1 } },
      { method: 'PATCH', url: `/api/v1/messages/${message.id}`, payload: { body: '改' } },
      { method: 'POST', url: `/api/v1/messages/${message.id}/recall` },
      { method: 'DELETE', url: `/api/v1/messages/${message.id}` },
      { method: 'GET', url: `/api/v1/messages/${message.id}/readers` },
      { method: 'GET', url: `/api/v1/messages/${f.server.ctx.ids.next()}/readers` },
    ] as const;
    for (const who of [f.outsider.h, stranger]) {
      for (const r of reads) {
        const res = await f.server.app.inject({ ...r, headers: who });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
        expect(res.body).not.toContain('内部消息');
      }
    }
    const dissolved = await group('dissolved');
    const res = await send(f.alice.h, dissolved, { body: '还在吗' });
    expect(res.statusCode).toBe(409);
    expect(await countRows(dissolved)).toBe(0);
  });

  it('lets only the owner and admins mention everyone', async () => {
    const conv = await group();
    const plain = await send(f.alice.h, conv, { body: '@所有人 开会', mentionAll: true });
    expect(plain.statusCode).toBe(403);
    expect(await countRows(conv)).toBe(0);
    const byOwner = await sendOk(f.owner.h, conv, '@所有人 开会', { mentionAll: true });
    expect(byOwner.mentionAll).toBe(true);
    const byAdmin = await sendOk(f.admin.h, conv, '@所有人 散会', { mentionAll: true });
    expect(byAdmin.mentionAll).toBe(true);
  });

  it('accepts mentions of members and refuses mentions of non-members', async () => {
    const conv = await group();
    const ok = await sendOk(f.alice.h, conv, '@李四 看一下', { mentions: [f.bob.id, f.bob.id] });
    expect(ok.mentions).toEqual([f.bob.id]);
    const bad = await send(f.alice.h, conv, { body: '@局外人', mentions: [f.bob.id, f.outsider.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.memberIds).toEqual([f.outsider.id]);
    expect(await countRows(conv)).toBe(1);
  });

  it('quotes the replied message, and refuses replies to another conversation', async () => {
    const conv = await group();
    const elsewhere = await group();
    const original = await sendOk(f.alice.h, conv, '原消息'.repeat(60));
    const foreign = await sendOk(f.alice.h, elsewhere, '别的群');
    const reply = await sendOk(f.bob.h, conv, '收到', { replyToId: original.id });
    expect(reply.replyTo).toMatchObject({ id: original.id, seq: original.seq, senderName: '张三', recalled: false });
    expect(reply.replyTo?.body.startsWith('原消息')).toBe(true);
    expect([...(reply.replyTo?.body ?? '')].length).toBeLessThanOrEqual(101);
    expect((await send(f.bob.h, conv, { body: 'x', replyToId: foreign.id })).statusCode).toBe(404);
    expect((await send(f.bob.h, conv, { body: 'x', replyToId: f.server.ctx.ids.next() })).statusCode).toBe(404);
  });

  it('emits a message.created domain event with the presented message for each send', async () => {
    const conv = await group();
    const seen: DomainEvent[] = [];
    const off = f.server.ctx.bus.on('message.created', (e) => {
      if (e.data.conversationId === conv) seen.push(e);
    });
    const a = await sendOk(f.alice.h, conv, '事件一');
    const b = await sendOk(f.bob.h, conv, '事件二');
    await send(f.alice.h, conv, { clientMsgId: a.clientMsgId, body: '事件一' });
    await f.server.ctx.bus.drain();
    off();
    expect(seen.map((e) => [e.orgId, e.data.seq, e.data.messageId])).toEqual([
      [f.org.orgId, 1, a.id],
      [f.org.orgId, 2, b.id],
    ]);
    expect(seen[0]?.data.payload).toEqual(a);
  });
});
