/**
 * Pure parts of the live alert feed: picking alert frames off the member socket, announcing each
 * alert once, the short excerpt a notification shows, and polling only while the socket is down.
 */
import type { SensitiveAlertNotice, ServerFrame } from '@concord/protocol';

/** The alert a frame carries, or null for every other frame. */
export function alertOfFrame(frame: ServerFrame): SensitiveAlertNotice | null {
  return frame.type === 'alert' ? frame.alert : null;
}

/** Ids of the alerts already announced, newest last, at most `SEEN_KEPT`. */
export type AlertFeedState = { seen: readonly string[] };

export const EMPTY_FEED: AlertFeedState = { seen: [] };

const SEEN_KEPT = 200;

/** Records an alert; `fresh` is false for one announced already (e.g. repeated after a reconnect). */
export function receiveAlert(
  state: AlertFeedState,
  notice: SensitiveAlertNotice,
): { state: AlertFeedState; fresh: boolean } {
  if (state.seen.includes(notice.id)) return { state, fresh: false };
  return { state: { seen: [...state.seen, notice.id].slice(-SEEN_KEPT) }, fresh: true };
}

type Span = { start: number; end: number };

/**
 * Up to `max` characters of the text around its first hit, with "…" where it was cut and the hits
 * moved to the excerpt's offsets (hits outside it dropped, hits across its edge clipped).
 */
export function alertSnippet(text: string, hits: readonly Span[], max = 60): { text: string; hits: Span[] } {
  if (text.length <= max) return { text, hits: hits.map((h) => ({ start: h.start, end: h.end })) };
  const first = hits.reduce<number | null>((min, h) => (min === null || h.start < min ? h.start : min), null) ?? 0;
  // A little context before the first hit, the rest after it.
  const from = Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
  const to = from + max;
  const head = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const shift = head.length - from;
  const moved = hits
    .filter((h) => h.end > from && h.start < to)
    .map((h) => ({ start: Math.max(h.start, from) + shift, end: Math.min(h.end, to) + shift }));
  return { text: `${head}${text.slice(from, to)}${tail}`, hits: moved };
}

/** How often the alert views poll while the live feed is down (never while it is up). */
export const ALERTS_FALLBACK_POLL_MS = 60_000;

export const alertsPollInterval = (live: boolean): number | false => (live ? false : ALERTS_FALLBACK_POLL_MS);
