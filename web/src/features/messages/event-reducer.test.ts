import type { ConversationEvent } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { applyEvent, cursorsOf, type EventState, seedCursors } from './event-reducer';
import { applyEventToWindow, type ChatMessage, mergeOlder } from './message-cache';

const msg = (seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  sender: { id: 'a', name: 'A' },
  kind: 'text',
  body: `hello ${seq}`,
  mentions: [],
  mentionAll: false,
  replyTo: null,
  createdAt: '2024-01-01T10:00:00.000Z',
  editedAt: null,
  recalledAt: null,
  clientMsgId: null,
  ...extra,
});

const created = (seq: number, conversationId = 'c1'): ConversationEvent => ({
  conversationId,
  seq,
  type: 'message.created',
  actorId: 'a',
  messageId: `m${seq}`,
  payload: msg(seq, { conversationId }),
  at: '2024-01-01T10:00:00.000Z',
});

describe('applyEvent', () => {
  const start: EventState = { c1: { applied: 3, held: [] } };

  it('applies the next event and advances the cursor', () => {
    const r = applyEvent(start, created(4));
    expect(r.ready.map((e) => e.seq)).toEqual([4]);
    expect(cursorsOf(r.state)).toEqual({ c1: 4 });
  });

  it('ignores duplicates and old events', () => {
    const once = applyEvent(start, created(4));
    const twice = applyEvent(once.state, created(4));
    expect(twice.ready).toEqual([]);
    expect(twice.state).toBe(once.state);
    expect(applyEvent(start, created(2)).ready).toEqual([]);
  });

  it('holds events behind a gap, asks for a replay and releases them in order', () => {
    const a = applyEvent(start, created(6));
    expect(a.ready).toEqual([]);
    expect(a.gapAfter).toBe(3);
    const b = applyEvent(a.state, created(5));
    expect(b.ready).toEqual([]);
    expect(applyEvent(b.state, created(6)).ready).toEqual([]);
    const c = applyEvent(b.state, created(4));
    expect(c.ready.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(c.state.c1).toEqual({ applied: 6, held: [] });
  });

  it('starts a cursor for an unknown conversation and keeps seeded ones', () => {
    const r = applyEvent(start, created(1, 'c2'));
    expect(r.ready).toHaveLength(1);
    expect(cursorsOf(seedCursors(r.state, { c1: 1, c2: 9, c3: 7 }))).toEqual({ c1: 3, c2: 1, c3: 7 });
  });
});

describe('applyEventToWindow', () => {
  const window = {
    items: [msg(1), msg(2, { replyTo: { id: 'm1', seq: 1, senderName: 'A', body: 'hello 1', recalled: false } })],
    hasMore: false,
  };

  it('appends created messages once', () => {
    const once = applyEventToWindow(window, created(3));
    const twice = applyEventToWindow(once, created(3));
    expect(twice.items.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('updates edited and recalled messages, including quotes of them', () => {
    const edited = applyEventToWindow(window, {
      ...created(3),
      type: 'message.edited',
      messageId: 'm1',
      payload: { messageId: 'm1', body: 'fixed', editedAt: '2024-01-01T10:01:00.000Z' },
    });
    expect(edited.items[0]).toMatchObject({ body: 'fixed', editedAt: '2024-01-01T10:01:00.000Z' });
    const recalled = applyEventToWindow(edited, {
      ...created(4),
      type: 'message.recalled',
      messageId: 'm1',
      payload: { messageId: 'm1', recalledAt: '2024-01-01T10:02:00.000Z' },
    });
    expect(recalled.items[0]).toMatchObject({ body: '', attachment: null, recalledAt: '2024-01-01T10:02:00.000Z' });
    expect(recalled.items[1]?.replyTo).toMatchObject({ recalled: true, body: '' });
  });

  it('merges an older page in seq order', () => {
    const merged = mergeOlder(
      { items: [msg(3), msg(4)], hasMore: true },
      { items: [msg(1), msg(2), msg(3)], hasMore: false },
    );
    expect(merged.items.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(merged.hasMore).toBe(false);
  });
});
