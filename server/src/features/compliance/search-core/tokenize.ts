/**
 * The one tokenizer behind archive search, on SQLite FTS5 and on PostgreSQL full-text alike: we
 * cut text into tokens ourselves and hand both stores the same space-separated token text, so
 * neither store's own word splitting (which knows nothing of Chinese) decides what matches.
 *
 * Rules, applied to a message and to a query in the same way:
 *   - Normalise: NFKC (full-width ASCII → half-width, half-width kana → full-width, ① → 1,
 *     ﬁ → fi), one base character with its combining marks at a time so that every normalised
 *     character maps back to a span of the original text; format characters (zero-width joiner,
 *     soft hyphen…) and variation selectors are dropped without splitting a word.
 *   - CJK runs (Han, Hiragana, Katakana incl. ー, Hangul, Bopomofo) → overlapping bigrams; a run
 *     of one character → that character.
 *   - Letter runs (Latin, Cyrillic, Greek, Thai… with their marks) → one lower-cased word, capped
 *     at 64 characters. Case and letter/digit changes are boundaries: "iPhone15报价" → iphone,
 *     15, 报价. In messages, a word with inner capitals is also indexed by its parts
 *     (getUserName → getusername, get, user, name), so "phone" finds "iPhone".
 *   - Digit runs → one token. Everything else (spaces, punctuation, symbols, emoji) separates.
 *   - Letter and digit runs that touch ("Q3", "2024Q3", "iPhone15Pro") are also joined in
 *     pairs, like CJK bigrams: each run with the next one (2024q, q3; iphone15, 15pro). A query
 *     "Q3" then looks up the one rare token q3 instead of intersecting the huge lists of q and 3.
 *
 * Index vs. query. A message is indexed with, per CJK run, all its bigrams (consecutive
 * positions) followed by all its characters as unigrams. A query CJK run of two or more
 * characters becomes a PHRASE of its bigrams (客户经理 → "客户 户经 经理"), which matches exactly
 * the messages containing that string inside one CJK run; a single-character query matches by
 * unigram. Likewise touching letter/digit runs: in a message, after the tokens of the runs, their
 * pairs (consecutive positions); in a query, one pair (q3) or a phrase of pairs (iPhone15Pro →
 * "iphone15 15pro"), which matches exactly the messages where those runs touch in that order.
 * A pair shaped like a filter tag (z + letter + 0…, see search/doc-keys.ts) is never made: a
 * query with one searches its runs as separate words instead. Every query term must match (AND). Trade-off: unigrams roughly double the tokens of
 * Chinese text (a run of n characters gives 2n − 1 tokens instead of n − 1) and their posting
 * lists are long (的, 是…), in exchange for single-character search with no second index.
 *
 * Store wiring (the token text holds only [a-z0-9] and non-ASCII characters, one space apart):
 *   SQLite:      CREATE VIRTUAL TABLE … USING fts5(body, tokenize = 'ascii');
 *                store toFtsDocument(indexTokens(text)); WHERE t MATCH toFtsQuery(query)
 *                ('ascii' splits on our spaces only; 'unicode61' would drop combining marks).
 *   PostgreSQL:  to_tsvector('simple', toFtsDocument(indexTokens(text)))
 *                @@ to_tsquery('simple', toTsQuery(query))
 *   Both query builders return null when the query has nothing searchable: match nothing then.
 *   PostgreSQL positions stop at 16383, so phrase matches beyond ~8000 CJK characters into one
 *   message can differ from SQLite.
 */

type CharClass = 'cjk' | 'letter' | 'digit';

/** One normalised character (with its marks) and the span of the original text it came from. */
type Unit = { ch: string; upper: boolean; lower: boolean; start: number; end: number };
/** `joined`: follows the previous run with nothing between them (a class change, not a separator). */
type Run = { cls: CharClass; units: Unit[]; joined: boolean };

/**
 * A term of a query: a word or number token, a CJK string matched as a phrase of bigrams, or
 * touching letter/digit runs ('joined', `chars` the runs' words) matched as a phrase of pairs.
 */
type QueryTerm = { cls: CharClass | 'joined'; chars: string[]; tokens: string[] };

export type SearchQuery = {
  /** Every distinct token the query uses. */
  tokens: string[];
  /** What must match, each an ordered phrase of tokens (one token for words and numbers). */
  terms: string[][];
  /** 'all': every term must match; 'none': nothing searchable, so nothing matches. */
  mode: 'all' | 'none';
};

/** A hit in the original text, as UTF-16 offsets [start, end). */
export type HighlightSpan = { start: number; end: number };

/** Longest word or number token, in code points; longer runs are cut (in messages and queries alike). */
export const MAX_TOKEN_LENGTH = 64;
/** Query terms beyond this many are ignored. */
export const MAX_QUERY_TERMS = 32;

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}]/u;
const LETTER = /[\p{L}\p{Nl}]/u;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/u;
const FORMAT = /\p{Cf}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const PROLONGED_SOUND_MARK = '\u30fc';

/** Format characters (ZWJ, soft hyphen…) and variation selectors: dropped without splitting a word. */
function isIgnorable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || FORMAT.test(ch);
}

function classify(ch: string): CharClass | null {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) {
    if (ch >= '0' && ch <= '9') return 'digit';
    return /[A-Za-z]/.test(ch) ? 'letter' : null;
  }
  if (ch === PROLONGED_SOUND_MARK || (CJK.test(ch) && LETTER.test(ch))) return 'cjk';
  if (LETTER.test(ch)) return 'letter';
  if (DIGIT.test(ch)) return 'digit';
  return null;
}

/** Splits normalised text into runs of one class, keeping each character's original span. */
function scan(text: string): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (const match of text.matchAll(CLUSTER)) {
    const start = match.index;
    const end = start + match[0].length;
    const normalized = match[0].length === 1 && match[0].charCodeAt(0) < 0x80 ? match[0] : match[0].normalize('NFKC');
    for (const ch of normalized) {
      if (isIgnorable(ch)) continue;
      if (MARK.test(ch)) {
        // A mark belongs to the letter before it; after CJK or digits it is dropped.
        const last = run?.cls === 'letter' ? run.units.at(-1) : undefined;
        if (last) {
          last.ch += ch;
          last.end = end;
        }
        continue;
      }
      const cls = classify(ch);
      if (cls === null) {
        run = null;
        continue;
      }
      if (run === null || run.cls !== cls) {
        run = { cls, units: [], joined: run !== null };
        runs.push(run);
      }
      run.units.push({ ch, upper: UPPER.test(ch), lower: LOWER.test(ch), start, end });
    }
  }
  return runs;
}

function wordToken(units: readonly Unit[]): string {
  return units
    .slice(0, MAX_TOKEN_LENGTH)
    .map((u) => u.ch)
    .join('')
    .toLowerCase()
    .replace(/ς/g, 'σ');
}

/** [from, to) unit ranges of the parts of a word with inner capitals ("XMLHttpRequest" → XML, Http, Request). */
function caseParts(units: readonly Unit[]): [number, number][] {
  const parts: [number, number][] = [];
  let from = 0;
  for (let i = 1; i < units.length; i++) {
    const [prev, cur, next] = [units[i - 1] as Unit, units[i] as Unit, units[i + 1]];
    if ((prev.lower && cur.upper) || (prev.upper && cur.upper && next?.lower)) {
      parts.push([from, i]);
      from = i;
    }
  }
  parts.push([from, units.length]);
  return parts;
}

function bigrams(units: readonly Unit[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) grams.push(`${(units[i] as Unit).ch}${(units[i + 1] as Unit).ch}`);
  return grams;
}

/** The shape of a filter tag (doc-keys.ts): no pair of runs may take it. */
const TAG_SHAPED = /^z[a-z]0/;

/** The pair tokens of touching runs' words (each with the next), or null if one would look like a tag. */
function runPairs(words: readonly string[]): string[] | null {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(`${words[i]}${words[i + 1]}`);
  return pairs.some((pair) => TAG_SHAPED.test(pair)) ? null : pairs;
}

/**
 * Runs grouped as searched: each CJK run alone, and touching letter/digit runs together (a
 * group of one when nothing touches it).
 */
function groupRuns(runs: readonly Run[]): Run[][] {
  const groups: Run[][] = [];
  let previous: Run | undefined;
  for (const run of runs) {
    const touching = run.joined && run.cls !== 'cjk' && previous !== undefined && previous.cls !== 'cjk';
    const group = groups.at(-1);
    if (touching && group) group.push(run);
    else groups.push([run]);
    previous = run;
  }
  return groups;
}

function runTokens({ cls, units }: Run): string[] {
  if (cls === 'cjk') return [...(units.length > 1 ? bigrams(units) : []), ...units.map((u) => u.ch)];
  const word = wordToken(units);
  const parts = cls === 'letter' ? caseParts(units) : [];
  return parts.length > 1 ? [word, ...parts.map(([from, to]) => wordToken(units.slice(from, to)))] : [word];
}

/** The tokens to store for a text, in order (their positions matter for phrase queries). */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const group of groupRuns(scan(text))) {
    for (const run of group) tokens.push(...runTokens(run));
    if (group.length > 1) tokens.push(...(runPairs(group.map((run) => wordToken(run.units))) ?? []));
  }
  return tokens;
}

/** Whether a text has touching letter and digit runs, the ones indexed with pair tokens too. */
export function joinsRuns(text: string): boolean {
  return groupRuns(scan(text)).some((group) => group.length > 1);
}

function groupTerms(group: readonly Run[]): QueryTerm[] {
  if (group.length > 1) {
    const words = group.map((run) => wordToken(run.units));
    const pairs = runPairs(words);
    if (pairs) return [{ cls: 'joined', chars: words, tokens: pairs }];
  }
  return group.map(({ cls, units }) => {
    const chars = units.map((u) => u.ch);
    const tokens = cls !== 'cjk' ? [wordToken(units)] : units.length === 1 ? chars : bigrams(units);
    return { cls, chars: cls === 'cjk' ? chars : tokens, tokens };
  });
}

function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const term of groupRuns(scan(query)).flatMap(groupTerms)) {
    const key = `${term.cls}:${term.tokens.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** What a search query asks for (see the file header for the rules). */
export function queryTokens(query: string): SearchQuery {
  const terms = parseQuery(query).map((term) => term.tokens);
  return { tokens: [...new Set(terms.flat())], terms, mode: terms.length > 0 ? 'all' : 'none' };
}

/** The token text to store: for FTS5 (tokenize='ascii') and for PostgreSQL to_tsvector('simple', …). */
export function toFtsDocument(tokens: readonly string[]): string {
  return tokens.join(' ');
}

/**
 * The FTS5 MATCH expression: each term a double-quoted string (an FTS5 phrase, so no token is
 * ever read as an operator), joined by AND. Null when nothing is searchable.
 */
export function toFtsQuery(query: SearchQuery): string | null {
  if (query.mode === 'none') return null;
  return query.terms.map((term) => `"${term.join(' ').replace(/"/g, '""')}"`).join(' AND ');
}

function tsLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The to_tsquery('simple', …) text: each token single-quoted, a term's tokens joined by <->
 * (adjacent), terms joined by &. Null when nothing is searchable.
 */
export function toTsQuery(query: SearchQuery): string | null {
  if (query.mode === 'none') return null;
  return query.terms
    .map((term) => (term.length === 1 ? tsLexeme(term[0] as string) : `(${term.map(tsLexeme).join(' <-> ')})`))
    .join(' & ');
}

/** Where a joined term's words are the words of touching runs, in order. */
function joinedSpans(term: QueryTerm, runs: readonly Run[]): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const group of groupRuns(runs)) {
    const words = group.map((run) => wordToken(run.units));
    for (let i = 0; i + term.chars.length <= group.length; i++) {
      if (term.chars.every((word, j) => words[i + j] === word)) {
        const first = (group[i] as Run).units[0] as Unit;
        const last = (group[i + term.chars.length - 1] as Run).units.at(-1) as Unit;
        spans.push({ start: first.start, end: last.end });
      }
    }
  }
  return spans;
}

function termSpans(term: QueryTerm, runs: readonly Run[]): HighlightSpan[] {
  if (term.cls === 'joined') return joinedSpans(term, runs);
  const spans: HighlightSpan[] = [];
  const span = (units: readonly Unit[], from: number, to: number) =>
    spans.push({ start: (units[from] as Unit).start, end: (units[to - 1] as Unit).end });
  for (const { cls, units } of runs) {
    if (cls !== term.cls) continue;
    if (cls === 'cjk') {
      const n = term.chars.length;
      for (let i = 0; i + n <= units.length; i++) {
        if (term.chars.every((ch, j) => (units[i + j] as Unit).ch === ch)) span(units, i, i + n);
      }
    } else if (wordToken(units) === term.tokens[0]) {
      span(units, 0, units.length);
    } else if (cls === 'letter') {
      for (const [from, to] of caseParts(units)) {
        if (wordToken(units.slice(from, to)) === term.tokens[0]) span(units, from, to);
      }
    }
  }
  return spans;
}

/**
 * The spans of the original text that match the query's terms, sorted and merged, for
 * highlighting a search result. Mapped through normalisation: a query "abc" highlights "ＡＢＣ".
 */
export function highlight(text: string, query: string): HighlightSpan[] {
  const runs = scan(text);
  const spans = parseQuery(query)
    .flatMap((term) => termSpans(term, runs))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Whether a text matches a query by the same rules as the stores: every term found. For checks
 * outside the database (and the tests that hold the stores to it).
 */
export function matchesQuery(text: string, query: string): boolean {
  const terms = parseQuery(query);
  if (terms.length === 0) return false;
  const runs = scan(text);
  return terms.every((term) => termSpans(term, runs).length > 0);
}
