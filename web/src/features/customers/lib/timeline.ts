/**
 * A customer's timeline: follow-ups, stage moves and transfers in one list, newest first
 * (conversations join it in a later slice).
 */
import type { CustomerDetail, FollowUp } from '../api';
import type { Transfer } from '../transfers/transfer-api';

type StageMove = CustomerDetail['stageHistory'][number];

export type TimelineEntry =
  | { kind: 'follow-up'; at: string; id: string; followUp: FollowUp }
  | { kind: 'stage'; at: string; id: string; move: StageMove }
  | { kind: 'transfer'; at: string; id: string; transfer: Transfer };

export function buildTimeline(
  followUps: readonly FollowUp[],
  moves: readonly StageMove[],
  transfers: readonly Transfer[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...followUps.map((f) => ({ kind: 'follow-up' as const, at: f.happenedAt, id: f.id, followUp: f })),
    ...moves.map((m) => ({ kind: 'stage' as const, at: m.at, id: m.id, move: m })),
    // A transfer sits where it ended, or where it was asked for while it still waits.
    ...transfers.map((t) => ({ kind: 'transfer' as const, at: t.settledAt ?? t.requestedAt, id: t.id, transfer: t })),
  ];
  // Newest first; at the same instant the later-created (larger UUIDv7) comes first.
  return entries.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}
