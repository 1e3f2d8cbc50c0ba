/** Hides hits in the original text: each maximal run of overlapping or touching spans is masked once. */

export type Span = { start: number; end: number };

/**
 * 'each': every character (code point) of a span becomes one '*', so the length still shows;
 * 'fixed': every span becomes '***', whatever its length.
 */
export type MaskStyle = 'each' | 'fixed';

/** The union of spans, sorted, with overlapping and touching spans merged. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** The text with the union of `spans` masked. */
export function maskText(text: string, spans: readonly Span[], style: MaskStyle = 'each'): string {
  let out = '';
  let at = 0;
  for (const { start, end } of mergeSpans(spans)) {
    const from = Math.max(start, at);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    out += text.slice(at, from);
    out += style === 'fixed' ? '***' : '*'.repeat([...text.slice(from, to)].length);
    at = to;
  }
  return out + text.slice(at);
}
