/**
 * Folds a text for matching and keeps, for every folded unit, where the original character it came
 * from starts, so a match in the folded text can be masked in the original. See char-table.ts for
 * what folds to what.
 *
 * On the send path this runs once per message, so its arrays are views into shared slabs instead
 * of fresh typed arrays (allocating two small typed arrays cost more than folding the message).
 */
import { DROP, detectorView, EXPAND, type FoldView, lexiconView, UNKNOWN } from './char-table.js';

const isHighSurrogate = (u: number) => u >= 0xd800 && u <= 0xdbff;

/** A text folded for matching, with the way back to the original. */
export class Normalised {
  private folded: string | null = null;

  constructor(
    /** The text as written. */
    readonly source: string,
    /** The folded text as UTF-16 units. */
    readonly units: Uint16Array,
    /** origin[i]: index in `source` of the character that folded into units[i]. */
    readonly origin: Int32Array,
  ) {}

  /** The folded text as a string. */
  get text(): string {
    this.folded ??= stringOf(this.units);
    return this.folded;
  }

  get length(): number {
    return this.units.length;
  }

  /** Index in `source` just past the character that folded into units[i]. */
  endOf(i: number): number {
    const start = this.origin[i] as number;
    return start + (isHighSurrogate(this.source.charCodeAt(start)) ? 2 : 1);
  }

  /** Whether the original has something between the characters behind units[i - 1] and units[i] (a separator). */
  gapBefore(i: number): boolean {
    return i > 0 && i < this.units.length && (this.origin[i] as number) > this.endOf(i - 1);
  }

  /** The original span [start, end) behind the folded span [from, to), to > from. */
  span(from: number, to: number): { start: number; end: number } {
    return { start: this.origin[from] as number, end: this.endOf(to - 1) };
  }
}

const CHUNK = 4096;

function stringOf(units: Uint16Array): string {
  let out = '';
  for (let at = 0; at < units.length; at += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(units.length, at + CHUNK)) as unknown as number[],
    );
  }
  return out;
}

// Scratch space for one fold, then slabs that results are cut from (a slab lives as long as any
// result cut from it; texts too large for a slab get arrays of their own).
let scratchUnits = new Uint16Array(1024);
let scratchOrigin = new Int32Array(1024);
const SLAB = 1 << 15;
let slabUnits = new Uint16Array(SLAB);
let slabOrigin = new Int32Array(SLAB);
let slabUsed = 0;

function reserve(needed: number): void {
  if (needed <= scratchUnits.length) return;
  const size = Math.max(needed, scratchUnits.length * 2);
  const units = new Uint16Array(size);
  const origin = new Int32Array(size);
  units.set(scratchUnits);
  origin.set(scratchOrigin);
  scratchUnits = units;
  scratchOrigin = origin;
}

function cut(n: number): { units: Uint16Array; origin: Int32Array } {
  if (n > SLAB >> 3) return { units: scratchUnits.slice(0, n), origin: scratchOrigin.slice(0, n) };
  if (slabUsed + n > SLAB) {
    slabUnits = new Uint16Array(SLAB);
    slabOrigin = new Int32Array(SLAB);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += n;
  const units = slabUnits.subarray(at, at + n);
  const origin = slabOrigin.subarray(at, at + n);
  units.set(scratchUnits.subarray(0, n));
  origin.set(scratchOrigin.subarray(0, n));
  return { units, origin };
}

function fold(view: FoldView, source: string): Normalised {
  const table = view.unit;
  const length = source.length;
  reserve(length);
  let units = scratchUnits;
  let origin = scratchOrigin;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const u = source.charCodeAt(i);
    const folded = table[u] as number;
    if (folded >= 0) {
      units[n] = folded;
      origin[n] = i;
      n++;
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
      if (u > 0xdbff || low < 0xdc00 || low > 0xdfff) continue; // a lone surrogate carries nothing
      expansion = view.foldAstral(((u - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      width = 2;
    }
    reserve(n + expansion.length + (length - i));
    units = scratchUnits;
    origin = scratchOrigin;
    for (let k = 0; k < expansion.length; k++) {
      units[n] = expansion.charCodeAt(k);
      origin[n] = i;
      n++;
    }
    i += width - 1;
  }
  const result = cut(n);
  if (scratchUnits.length > 1 << 20) {
    // A huge text passed through: do not keep megabytes of scratch for the messages that follow.
    scratchUnits = new Uint16Array(1024);
    scratchOrigin = new Int32Array(1024);
  }
  return new Normalised(source, result.units, result.origin);
}

/**
 * The lexicon view of a text: full-width, case, look-alike letters and traditional characters
 * folded; separators, punctuation, symbols and invisible characters removed.
 */
export function normalise(text: string): Normalised {
  return fold(lexiconView(), text);
}

/** The detector view of a text: folded like `normalise`, separators kept, invisible characters removed. */
export function foldForDetectors(text: string): Normalised {
  return fold(detectorView(), text);
}
