import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../api';
import type { Transfer } from '../transfers/transfer-api';
import { buildTimeline } from './timeline';

const followUp = (id: string, happenedAt: string): FollowUp => ({
  id,
  customerId: 'c',
  kind: 'call',
  content: '电话',
  happenedAt,
  nextAt: null,
  author: { id: 'm', name: '小王' },
  files: [],
  createdAt: happenedAt,
});
const move = (id: string, at: string) => ({
  id,
  from: null,
  to: { id: 's', name: '线索' },
  by: null,
  note: null,
  at,
});

describe('customer timeline', () => {
  it('merges follow-ups and stage moves, newest first', () => {
    const entries = buildTimeline(
      [followUp('f1', '2026-01-02T00:00:00.000Z'), followUp('f2', '2026-01-04T00:00:00.000Z')],
      [move('m1', '2026-01-03T00:00:00.000Z'), move('m0', '2026-01-01T00:00:00.000Z')],
    );
    expect(entries.map((e) => e.id)).toEqual(['f2', 'm1', 'f1', 'm0']);
  });

  it('orders entries of the same instant by creation', () => {
    const at = '2026-01-02T00:00:00.000Z';
    expect(buildTimeline([followUp('0002', at)], [move('0001', at)]).map((e) => e.id)).toEqual(['0002', '0001']);
  });

  it('places a transfer where it ended, or where it was asked for while it waits', () => {
    const transfer = (id: string, requestedAt: string, settledAt: string | null) =>
      ({ id, requestedAt, settledAt }) as Transfer;
    const entries = buildTimeline(
      [followUp('f1', '2026-01-02T00:00:00.000Z')],
      [],
      [
        transfer('t1', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
        transfer('t2', '2026-01-01T12:00:00.000Z', null),
      ],
    );
    expect(entries.map((e) => e.id)).toEqual(['t1', 'f1', 't2']);
  });
});
