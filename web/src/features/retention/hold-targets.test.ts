import { describe, expect, it } from 'vitest';
import { conversationsOf, guestsOf } from './hold-targets';

const hit = (at: string, conversation: string, sender: { id: string; kind: 'staff' | 'guest' } | null) => ({
  at,
  conversation: { id: conversation, name: `group ${conversation}`, kind: 'external' },
  sender: sender ? { ...sender, name: `name ${sender.id}` } : null,
});

describe('hold targets found in the archive', () => {
  const hits = [
    hit('2026-01-03T00:00:00Z', 'c1', { id: 'g1', kind: 'guest' }),
    hit('2026-01-05T00:00:00Z', 'c2', { id: 'm1', kind: 'staff' }),
    hit('2026-01-04T00:00:00Z', 'c1', { id: 'g2', kind: 'guest' }),
    hit('2026-01-01T00:00:00Z', 'c2', { id: 'g1', kind: 'guest' }),
    hit('2026-01-02T00:00:00Z', 'c3', null),
  ];

  it('offers each external participant once, never a colleague, latest first', () => {
    expect(guestsOf(hits)).toEqual([
      { id: 'g2', name: 'name g2', lastAt: '2026-01-04T00:00:00Z', messages: 1 },
      { id: 'g1', name: 'name g1', lastAt: '2026-01-03T00:00:00Z', messages: 2 },
    ]);
  });

  it('offers each conversation once with its message count, latest first', () => {
    expect(conversationsOf(hits).map((c) => [c.id, c.messages, c.lastAt])).toEqual([
      ['c2', 2, '2026-01-05T00:00:00Z'],
      ['c1', 2, '2026-01-04T00:00:00Z'],
      ['c3', 1, '2026-01-02T00:00:00Z'],
    ]);
  });
});
