/**
 * Folding and matching in one pass over the original text, for the send path: no folded copy, no
 * offset arrays, nothing allocated unless a word is found. The original spans of the last few
 * folded units sit in a ring a little longer than the longest word, which is all a match needs to
 * map back to the original text and to check its edges.
 */
import type { AutomatonTables } from './automaton.js';
import { DROP, EXPAND, lexiconView, UNKNOWN } from './char-table.js';

/** What a key's first or last folded unit is, for the edge rule (see lexicon.ts). */
export const EDGE_NONE = 0;
export const EDGE_LETTER = 1;
export const EDGE_DIGIT = 2;

export function edgeKind(unit: number): number {
  if (unit >= 0x61 && unit <= 0x7a) return EDGE_LETTER;
  if (unit >= 0x30 && unit <= 0x39) return EDGE_DIGIT;
  return EDGE_NONE;
}

/** Per key: its folded length and the edge kinds of its first and last unit. */
export type KeyShapes = {
  readonly length: Int32Array;
  readonly left: Uint8Array;
  readonly right: Uint8Array;
  readonly longest: number;
};

let ringStart = new Int32Array(64);
let ringEnd = new Int32Array(64);
let ringUnit = new Uint16Array(64);
// Matches whose last unit is a letter or digit wait for the next unit before they count.
const pending: number[] = [];

function ensureRing(longest: number): void {
  let size = ringStart.length;
  while (size < longest + 2) size *= 2;
  if (size === ringStart.length) return;
  ringStart = new Int32Array(size);
  ringEnd = new Int32Array(size);
  ringUnit = new Uint16Array(size);
}

/** The state after reading class c (> 0) in state s. */
function advance(base: Int32Array, check: Int32Array, fail: Int32Array, s: number, c: number): number {
  for (;;) {
    const next = (base[s] as number) + c;
    if (check[next] === s) return next;
    if (s === 0) return 0;
    s = fail[s] as number;
  }
}

/**
 * Emits (key, start, end) for every key ending at folded unit n - 1 along the report chain from
 * `first`; answers whether some of them wait for the next unit (their last unit is a letter or digit).
 */
function emit(t: AutomatonTables, shapes: KeyShapes, first: number, n: number, out: number[]): boolean {
  const mask = ringStart.length - 1;
  const end = ringEnd[(n - 1) & mask] as number;
  for (let o = first; o >= 0; o = t.outLink[o] as number) {
    const key = t.keyAt[o] as number;
    const from = n - (shapes.length[key] as number);
    const left = shapes.left[key] as number;
    if (left !== EDGE_NONE && from > 0) {
      const before = (from - 1) & mask;
      const adjacent = (ringStart[from & mask] as number) <= (ringEnd[before] as number);
      if (adjacent && edgeKind(ringUnit[before] as number) === left) continue;
    }
    const start = ringStart[from & mask] as number;
    if (shapes.right[key] !== EDGE_NONE) pending.push(key, start, end);
    else out.push(key, start, end);
  }
  return pending.length > 0;
}

/** Settles the waiting matches now that the unit after them is known (unit < 0: the text ended). */
function settle(shapes: KeyShapes, unit: number, adjacent: boolean, out: number[]): void {
  const kind = unit < 0 ? EDGE_NONE : edgeKind(unit);
  for (let i = 0; i < pending.length; i += 3) {
    const key = pending[i] as number;
    if (adjacent && kind !== EDGE_NONE && kind === shapes.right[key]) continue;
    out.push(key, pending[i + 1] as number, pending[i + 2] as number);
  }
  pending.length = 0;
}

/**
 * Folds `source` as `normalise` does and appends (key index, start, end) for every match, with
 * start/end in `source`: the same matches, edge rule included, as scanning normalise(source).
 */
export function foldAndFind(t: AutomatonTables, shapes: KeyShapes, source: string, out: number[]): void {
  const view = lexiconView();
  const table = view.unit;
  ensureRing(shapes.longest);
  const mask = ringStart.length - 1;
  const starts = ringStart;
  const ends = ringEnd;
  const units = ringUnit;
  const { classOf, base, check, fail, report } = t;
  let s = 0;
  let n = 0;
  let waiting = false;
  for (let i = 0, length = source.length; i < length; i++) {
    const u = source.charCodeAt(i);
    const folded = table[u] as number;
    if (folded >= 0) {
      // The common case: one character, one folded unit.
      if (waiting) {
        settle(shapes, folded, i <= (ends[(n - 1) & mask] as number), out);
        waiting = false;
      }
      const slot = n & mask;
      starts[slot] = i;
      ends[slot] = i + 1;
      units[slot] = folded;
      n++;
      const c = classOf[folded] as number;
      s = c === 0 ? 0 : advance(base, check, fail, s, c);
      const o = report[s] as number;
      if (o >= 0) waiting = emit(t, shapes, o, n, out);
      continue;
    }
    if (folded === DROP) continue;
    if (folded === UNKNOWN) {
      view.learn(u);
      i--;
      continue;
    }
    let expansion: string;
    let width = 1;
    if (folded === EXPAND) {
      expansion = view.expansions.get(u) ?? '';
    } else {
      const low = i + 1 < length ? source.charCodeAt(i + 1) : 0;
      if (u > 0xdbff || low < 0xdc00 || low > 0xdfff) continue;
      expansion = view.foldAstral(((u - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      width = 2;
    }
    for (let k = 0; k < expansion.length; k++) {
      const unit = expansion.charCodeAt(k);
      if (waiting) {
        settle(shapes, unit, i <= (ends[(n - 1) & mask] as number), out);
        waiting = false;
      }
      const slot = n & mask;
      starts[slot] = i;
      ends[slot] = i + width;
      units[slot] = unit;
      n++;
      const c = classOf[unit] as number;
      s = c === 0 ? 0 : advance(base, check, fail, s, c);
      const o = report[s] as number;
      if (o >= 0) waiting = emit(t, shapes, o, n, out);
    }
    i += width - 1;
  }
  if (waiting) settle(shapes, -1, false, out);
}
