/**
 * Exactly-once, in-order application of conversation events. Each conversation keeps the last
 * seq applied and the events that arrived ahead of a gap; an event is released only when every
 * earlier seq has been applied, duplicates (seq <= applied or already held) are dropped.
 */
import type { ConversationEvent } from '@concord/protocol';

export type ConversationCursor = { applied: number; held: ConversationEvent[] };
export type EventState = Record<string, ConversationCursor>;

export type ApplyResult = {
  state: EventState;
  /** Events to apply now, in seq order (empty for duplicates and events held behind a gap). */
  ready: ConversationEvent[];
  /** Set when an event is ahead of the next expected seq: replay from this cursor. */
  gapAfter: number | null;
};

export function applyEvent(state: EventState, event: ConversationEvent): ApplyResult {
  const current = state[event.conversationId];
  // A conversation we hold no cursor for (e.g. one just created with us in it) starts here.
  if (!current) {
    return {
      state: { ...state, [event.conversationId]: { applied: event.seq, held: [] } },
      ready: [event],
      gapAfter: null,
    };
  }
  if (event.seq <= current.applied || current.held.some((e) => e.seq === event.seq)) {
    return { state, ready: [], gapAfter: null };
  }
  if (event.seq > current.applied + 1) {
    const held = [...current.held, event].sort((a, b) => a.seq - b.seq);
    return { state: { ...state, [event.conversationId]: { ...current, held } }, ready: [], gapAfter: current.applied };
  }
  const ready = [event];
  let applied = event.seq;
  const held = [...current.held];
  while (held.length > 0 && held[0] && held[0].seq <= applied + 1) {
    const next = held.shift();
    if (next && next.seq === applied + 1) {
      ready.push(next);
      applied = next.seq;
    }
  }
  return { state: { ...state, [event.conversationId]: { applied, held } }, ready, gapAfter: null };
}

/** Starts cursors for conversations we have none for (from the list or a loaded page); never moves one back. */
export function seedCursors(state: EventState, seqs: Record<string, number>): EventState {
  let next = state;
  for (const [id, seq] of Object.entries(seqs)) {
    if (!next[id]) next = { ...next, [id]: { applied: seq, held: [] } };
  }
  return next;
}

/** The cursors to send on (re)connect: the last seq applied per conversation. */
export function cursorsOf(state: EventState): Record<string, number> {
  return Object.fromEntries(Object.entries(state).map(([id, c]) => [id, c.applied]));
}
