/**
 * A customer's timeline: follow-ups, stage moves, transfers and chats (at their first contact)
 * in one list, newest first.
 */
import type { CustomerDetail, FollowUp } from '../api';
import type { CustomerChat } from '../contact-links/contact-link-api';
import type { Transfer } from '../transfers/transfer-api';

type StageMove = CustomerDetail['stageHistory'][number];

export type TimelineEntry =
  | { kind: 'follow-up'; at: string; id: string; followUp: FollowUp }
  | { kind: 'stage'; at: string; id: string; move: StageMove }
  | { kind: 'transfer'; at: string; id: string; transfer: Transfer }
  | { kind: 'chat'; at: string; id: string; chat: CustomerChat };

export function buildTimeline(
  followUps: readonly FollowUp[],
  moves: readonly StageMove[],
  transfers: readonly Transfer[] = [],
  chats: readonly CustomerChat[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...followUps.map((f) => ({ kind: 'follow-up' as const, at: f.happenedAt, id: f.id, followUp: f })),
    ...moves.map((m) => ({ kind: 'stage' as const, at: m.at, id: m.id, move: m })),
    // A transfer sits where it ended, or where it was asked for while it still waits.
    ...transfers.map((t) => ({ kind: 'transfer' as const, at: t.settledAt ?? t.requestedAt, id: t.id, transfer: t })),
    ...chats.map((c) => ({ kind: 'chat' as const, at: c.firstContactAt, id: c.conversationId, chat: c })),
  ];
  // Newest first; at the same instant the later-created (larger UUIDv7) comes first.
  return entries.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}
