/**
 * An org's word list compiled into an immutable matcher. Every word is folded exactly like the
 * messages (normalise), so 加我微信, 加我微信 in traditional characters and ＶＸ all compile to the
 * same key, and variants such as V信, vx or 威信 are simply more words. Compile once per lexicon
 * version; a new version is a new matcher that replaces the old one (see lexicon-registry.ts).
 */
import { AhoCorasick, type AutomatonStats } from './automaton.js';
import { EDGE_NONE, edgeKind, foldAndFind, type KeyShapes } from './fused-scan.js';
import { type Normalised, normalise } from './normalise.js';

export const LEXICON_CATEGORIES = ['poaching', 'private_payment', 'false_promise', 'insult', 'custom'] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

export type LexiconEntry = { word: string; category: LexiconCategory; ruleId?: string | null };

export type LexiconHit = {
  /** Span of the original text, [start, end) in UTF-16 units, separators inside it included. */
  start: number;
  end: number;
  /** The lexicon word as it was written in the lexicon. */
  word: string;
  category: LexiconCategory;
  ruleId: string | null;
};

export type Matcher = {
  /** Entries compiled (after dropping words that fold to nothing and exact duplicates). */
  readonly size: number;
  /** Every occurrence of every word in a normalised text, overlapping ones included, by start then longest first. */
  scan(text: Normalised): LexiconHit[];
  /** The same hits as scan(normalise(text)), folding and matching in one pass (the send path). */
  scanText(text: string): LexiconHit[];
  /** Whether any word occurs in the text. */
  test(text: string): boolean;
  stats(): AutomatonStats;
};

type KeyEntry = { word: string; category: LexiconCategory; ruleId: string | null };

// Edge rule: a first or last unit of a key that is an ASCII letter (digit) must not touch another
// letter (digit) in the original, so "vx" does not fire inside "devx" or "vxworks". A letter next to
// a digit is fine (vx123), and so is a separator between them ("加我vx: abc").
class CompiledLexicon implements Matcher {
  private readonly automaton: AhoCorasick;
  private readonly entries: readonly (readonly KeyEntry[])[];
  private readonly shapes: KeyShapes;
  readonly size: number;

  constructor(entries: readonly LexiconEntry[]) {
    const byKey = new Map<string, KeyEntry[]>();
    const seen = new Set<string>();
    let size = 0;
    for (const entry of entries) {
      const folded = normalise(entry.word).text;
      if (folded === '') continue;
      const ruleId = entry.ruleId ?? null;
      const identity = `${folded}\u0000${entry.category}\u0000${ruleId ?? ''}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      size++;
      let list = byKey.get(folded);
      if (!list) {
        list = [];
        byKey.set(folded, list);
      }
      list.push({ word: entry.word, category: entry.category, ruleId });
    }
    const keys = [...byKey.keys()];
    const shapes = {
      length: new Int32Array(keys.length),
      left: new Uint8Array(keys.length),
      right: new Uint8Array(keys.length),
      longest: 0,
    };
    keys.forEach((key, i) => {
      shapes.length[i] = key.length;
      shapes.left[i] = edgeKind(key.charCodeAt(0));
      shapes.right[i] = edgeKind(key.charCodeAt(key.length - 1));
      shapes.longest = Math.max(shapes.longest, key.length);
    });
    this.automaton = new AhoCorasick(keys);
    this.entries = [...byKey.values()];
    this.shapes = shapes;
    this.size = size;
    Object.freeze(this);
  }

  scan(n: Normalised): LexiconHit[] {
    const found: number[] = [];
    this.automaton.findAll(n.units, found);
    if (found.length === 0) return [];
    const triples: number[] = [];
    for (let i = 0; i < found.length; i += 2) {
      const key = found[i] as number;
      const to = found[i + 1] as number;
      const from = to - (this.shapes.length[key] as number);
      if (!this.standsAlone(key, n, from, to)) continue;
      const { start, end } = n.span(from, to);
      triples.push(key, start, end);
    }
    return this.hitsOf(triples);
  }

  scanText(text: string): LexiconHit[] {
    const triples: number[] = [];
    foldAndFind(this.automaton, this.shapes, text, triples);
    return triples.length === 0 ? [] : this.hitsOf(triples);
  }

  test(text: string): boolean {
    return this.scanText(text).length > 0;
  }

  stats(): AutomatonStats {
    return this.automaton.stats();
  }

  private hitsOf(triples: readonly number[]): LexiconHit[] {
    const hits: LexiconHit[] = [];
    for (let i = 0; i < triples.length; i += 3) {
      const start = triples[i + 1] as number;
      const end = triples[i + 2] as number;
      for (const e of this.entries[triples[i] as number] ?? []) {
        hits.push({ start, end, word: e.word, category: e.category, ruleId: e.ruleId });
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }

  private standsAlone(key: number, n: Normalised, from: number, to: number): boolean {
    const units = n.units;
    const left = this.shapes.left[key] as number;
    if (left !== EDGE_NONE && from > 0 && !n.gapBefore(from) && edgeKind(units[from - 1] as number) === left) {
      return false;
    }
    const right = this.shapes.right[key] as number;
    return !(right !== EDGE_NONE && to < units.length && !n.gapBefore(to) && edgeKind(units[to] as number) === right);
  }
}

/** Compiles a lexicon into an immutable matcher; words that fold to nothing (only punctuation) are skipped. */
export function compileLexicon(entries: readonly LexiconEntry[]): Matcher {
  return new CompiledLexicon(entries);
}
