/** Pure helpers of archive search: the filter form → query, query → URL, and highlight spans → text parts. */

export type ArchiveQuery = {
  q?: string;
  memberId?: string;
  conversationId?: string;
  guestEmail?: string;
  from?: string;
  to?: string;
};

export type ArchiveFilterValues = {
  q?: string | undefined;
  memberId?: string | undefined;
  conversationId?: string | undefined;
  guestEmail?: string | undefined;
  /** Start and end of the period (anything with toISOString, e.g. Dayjs). */
  range?: readonly [{ toISOString(): string } | null | undefined, { toISOString(): string } | null | undefined] | null;
};

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Only what is set: blank texts and open range ends are left out. */
export function archiveQuery(values: ArchiveFilterValues): ArchiveQuery {
  const query: ArchiveQuery = {};
  for (const key of ['q', 'memberId', 'conversationId', 'guestEmail'] as const) {
    const value = clean(values[key]);
    if (value) query[key] = value;
  }
  const [from, to] = values.range ?? [];
  if (from) query.from = from.toISOString();
  if (to) query.to = to.toISOString();
  return query;
}

/** Whether the query asks for anything (an empty query lists nothing until the auditor asks). */
export const hasCriteria = (query: ArchiveQuery): boolean => Object.values(query).some(Boolean);

/** The query string (without "?") for an export download. */
export function searchParams(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.toString();
}

export type TextPart = { text: string; hit: boolean };

/** Splits a text into plain and highlighted parts by [start, end) spans (clamped, overlaps merged). */
export function highlightParts(text: string, spans: readonly { start: number; end: number }[]): TextPart[] {
  const sorted = spans
    .map((s) => ({
      start: Math.max(0, Math.min(text.length, s.start)),
      end: Math.max(0, Math.min(text.length, s.end)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    const last = parts.at(-1);
    if (last?.hit && start === at) last.text += text.slice(start, span.end);
    else parts.push({ text: text.slice(start, span.end), hit: true });
    at = span.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
