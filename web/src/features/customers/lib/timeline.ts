/**
 * A customer's timeline: follow-ups and stage moves in one list, newest first (transfers and
 * conversations join it in later slices).
 */
import type { CustomerDetail, FollowUp } from '../api';

type StageMove = CustomerDetail['stageHistory'][number];

export type TimelineEntry =
  | { kind: 'follow-up'; at: string; id: string; followUp: FollowUp }
  | { kind: 'stage'; at: string; id: string; move: StageMove };

export function buildTimeline(followUps: readonly FollowUp[], moves: readonly StageMove[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...followUps.map((f) => ({ kind: 'follow-up' as const, at: f.happenedAt, id: f.id, followUp: f })),
    ...moves.map((m) => ({ kind: 'stage' as const, at: m.at, id: m.id, move: m })),
  ];
  // Newest first; at the same instant the later-created (larger UUIDv7) comes first.
  return entries.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}
