/**
 * What a legal hold can point at, found in archived messages: the external participants who wrote
 * and the conversations they were written in, each once, most recently active first.
 */

type HitLike = {
  at: string;
  conversation: { id: string; name: string; kind: string };
  sender: { id: string; name: string; kind: 'staff' | 'guest' } | null;
};

export type TargetOption = { id: string; name: string; lastAt: string; messages: number };

function distinct(entries: { id: string; name: string; at: string }[]): TargetOption[] {
  const byId = new Map<string, TargetOption>();
  for (const entry of entries) {
    const known = byId.get(entry.id);
    if (!known) byId.set(entry.id, { id: entry.id, name: entry.name, lastAt: entry.at, messages: 1 });
    else {
      known.messages += 1;
      if (entry.at > known.lastAt) known.lastAt = entry.at;
    }
  }
  return [...byId.values()].sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0));
}

/** External participants (guests) who sent any of the hits. */
export function guestsOf(hits: readonly HitLike[]): TargetOption[] {
  return distinct(
    hits.flatMap((h) => (h.sender?.kind === 'guest' ? [{ id: h.sender.id, name: h.sender.name, at: h.at }] : [])),
  );
}

/** Conversations the hits were written in. */
export function conversationsOf(hits: readonly HitLike[]): TargetOption[] {
  return distinct(hits.map((h) => ({ id: h.conversation.id, name: h.conversation.name, at: h.at })));
}
