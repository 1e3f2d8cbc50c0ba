import { MESSAGING_LIMITS } from '@concord/protocol';
import { describe, expect, it } from 'vitest';
import { arrangeConversations, badgeCount, unreadTotal } from './conversation-list';
import { activeMentionQuery, resolveMentions } from './mentions';
import { canEdit, canRecall } from './message-rules';
import { groupMessages, listTimeLabel, timeLabel } from './time-format';

describe('time labels', () => {
  const now = new Date(2024, 5, 15, 14, 0, 0);
  it('says just now, today, yesterday, a date this year, and a full date before', () => {
    expect(timeLabel(new Date(2024, 5, 15, 13, 59, 30).toISOString(), now).key).toBe('justNow');
    expect(timeLabel(new Date(2024, 5, 15, 10, 30).toISOString(), now)).toEqual({
      key: 'today',
      params: { time: '10:30' },
    });
    expect(timeLabel(new Date(2024, 5, 14, 23, 5).toISOString(), now)).toEqual({
      key: 'yesterday',
      params: { time: '23:05' },
    });
    expect(timeLabel(new Date(2024, 2, 5, 9, 0).toISOString(), now)).toEqual({
      key: 'thisYear',
      params: { month: 3, day: 5, time: '09:00' },
    });
    expect(timeLabel(new Date(2023, 11, 31, 9, 0).toISOString(), now)).toEqual({
      key: 'older',
      params: { year: 2023, month: 12, day: 31 },
    });
  });
  it('has a short form for the list', () => {
    expect(listTimeLabel(new Date(2024, 5, 15, 8, 1).toISOString(), now)).toEqual({
      key: 'listToday',
      params: { time: '08:01' },
    });
    expect(listTimeLabel(new Date(2024, 5, 14, 8, 1).toISOString(), now).key).toBe('listYesterday');
  });
});

describe('groupMessages', () => {
  const m = (id: string, minute: number, sender: string) => ({
    id,
    createdAt: new Date(2024, 0, 1, 10, minute).toISOString(),
    sender: { id: sender },
  });
  it('adds a time divider after a pause and marks follow-ups of the same sender', () => {
    const rows = groupMessages([m('1', 0, 'a'), m('2', 1, 'a'), m('3', 2, 'b'), m('4', 20, 'b')]);
    expect(rows.map((r) => (r.type === 'time' ? 'T' : `${r.message.id}${r.continued ? '+' : ''}`))).toEqual([
      'T',
      '1',
      '2+',
      '3',
      'T',
      '4',
    ]);
  });
});

describe('mentions', () => {
  it('finds the @ query before the caret', () => {
    expect(activeMentionQuery('hi @张', 5)).toBe('张');
    expect(activeMentionQuery('@', 1)).toBe('');
    expect(activeMentionQuery('hi @张三 ok', 9)).toBeNull();
    expect(activeMentionQuery('mail a@b', 8)).toBeNull();
    expect(activeMentionQuery('no mention', 10)).toBeNull();
  });
  it('keeps only mentions still in the text', () => {
    const picked = [
      { id: '1', name: '张三' },
      { id: '2', name: '李四' },
      { id: '1', name: '张三' },
    ];
    expect(resolveMentions('@张三 看一下', picked, '所有人', false)).toEqual({ mentions: ['1'], mentionAll: false });
    expect(resolveMentions('@张三丰 你好', picked, '所有人', false).mentions).toEqual([]);
    expect(resolveMentions('@所有人 开会', [], '所有人', true)).toEqual({ mentions: [], mentionAll: true });
    expect(resolveMentions('@所有人 开会', [], '所有人', false).mentionAll).toBe(false);
  });
});

describe('conversation list', () => {
  const c = (id: string, name: string, at: string, pinned = false) => ({
    id,
    name,
    pinned,
    updatedAt: at,
    lastMessage: { at },
  });
  it('puts pinned first, then the latest, and filters by name', () => {
    const items = [c('a', '华东区', '2024-01-01'), c('b', '总部', '2024-01-03'), c('p', '门店', '2023-01-01', true)];
    expect(arrangeConversations(items, '').map((x) => x.id)).toEqual(['p', 'b', 'a']);
    expect(arrangeConversations(items, '华东').map((x) => x.id)).toEqual(['a']);
    expect(badgeCount(120)).toBe('99+');
  });
});

describe('unread total', () => {
  it('adds the unread messages of every conversation that is not muted', () => {
    expect(
      unreadTotal([
        { unreadCount: 3, muted: false },
        { unreadCount: 120, muted: true },
        { unreadCount: 2, muted: false },
        { unreadCount: 0, muted: false },
      ]),
    ).toBe(5);
    expect(unreadTotal([])).toBe(0);
  });
});

describe('message actions', () => {
  const sent = new Date('2024-06-01T10:00:00.000Z').getTime();
  const m = (
    extra: Partial<{ kind: string; recalledAt: string | null; sender: { id: string; name: string } }> = {},
  ) => ({
    kind: 'text',
    sender: { id: 'me', name: '我' },
    recalledAt: null,
    createdAt: new Date(sent).toISOString(),
    ...extra,
  });
  const edit = MESSAGING_LIMITS.editWindowSeconds * 1000;
  const recall = MESSAGING_LIMITS.recallWindowSeconds * 1000;

  it('lets the sender edit a text message until the edit window closes', () => {
    expect(canEdit(m(), 'me', sent + edit - 1000)).toBe(true);
    expect(canEdit(m(), 'me', sent + edit + 1000)).toBe(false);
    expect(canEdit(m(), 'other', sent)).toBe(false);
    expect(canEdit(m({ kind: 'image' }), 'me', sent)).toBe(false);
    expect(canEdit(m({ recalledAt: new Date(sent).toISOString() }), 'me', sent)).toBe(false);
  });

  it('lets the sender recall within the recall window only', () => {
    expect(canRecall(m(), 'me', sent + recall - 1000)).toBe(true);
    expect(canRecall(m(), 'me', sent + recall + 1000)).toBe(false);
  });
});
