/**
 * Pure helpers of the lexicon editor and the hit views: the textarea's words (one per line), words
 * read from an imported CSV or TXT file, and a text cut into plain and highlighted segments.
 */

/** Words of the editor's textarea: one per line, trimmed, blank lines dropped. */
export function wordsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The first cell of a CSV line, unquoting a quoted cell. */
function firstCell(line: string): string {
  if (!line.startsWith('"')) return line.split(',')[0] ?? '';
  let out = '';
  for (let i = 1; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (line[i + 1] === '"') {
        out += '"';
        i++;
      } else break;
    } else out += ch;
  }
  return out;
}

const HEADER = /^(word|words|keyword|敏感词|关键词|词|词语)$/i; // i18n-exempt: header names in imported files

/**
 * Words in an imported file: a TXT file has one word per line; a CSV file has the word in its
 * first column, and a header row naming it is skipped.
 */
export function wordsFromFile(name: string, content: string): string[] {
  const text = content.replace(/^\uFEFF/, '');
  const csv = /\.csv$/i.test(name);
  const lines = text.split(/\r?\n/).map((line) => (csv ? firstCell(line.trim()) : line).trim());
  const words = lines.filter((line) => line !== '');
  if (csv && words[0] && HEADER.test(words[0])) words.shift();
  return words;
}

/** `existing` followed by the words of `added` it does not have yet. */
export function mergeWords(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing);
  const out = [...existing];
  for (const word of added) {
    if (seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}

/** The (1-based) line of the first word longer than `max` characters, or null. */
export function firstTooLong(words: readonly string[], max: number): number | null {
  const at = words.findIndex((w) => [...w].length > max);
  return at < 0 ? null : at + 1;
}

export type Segment = { text: string; hit: boolean };

/** The text cut into plain and hit segments; overlapping or touching spans become one hit. */
export function highlightSegments(text: string, spans: readonly { start: number; end: number }[]): Segment[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), hit: false });
    if (s.end > s.start) out.push({ text: text.slice(s.start, s.end), hit: true });
    at = Math.max(at, s.end);
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
