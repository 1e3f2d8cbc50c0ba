/**
 * Aho–Corasick automaton over UTF-16 units, stored as a double array: from state s, unit class c
 * leads to t = base[s] + c when check[t] === s, otherwise the scan follows fail[s]. Units are first
 * mapped to dense classes (1…K, most frequent first; 0 = in no key, which sends the scan straight
 * back to the root), so a 10,000-word Chinese lexicon (~3,000 distinct characters) packs into a few
 * Int32Arrays and a step costs a few array reads. Built once per lexicon version, never changed.
 */

import { DoubleArrayBuilder } from './double-array.js';

export type AutomatonStats = { keys: number; classes: number; states: number; cells: number; bytes: number };

type Trie = { children: Map<number, number>[]; keyAt: number[] };

/**
 * The automaton's arrays, for scan loops that fold and match in one pass (lexicon.ts). Step:
 * c = classOf[unit]; c === 0 → root; else t = base[s] + c, taken when check[t] === s, otherwise
 * s = fail[s] and retry (the root stays put). Matches at s: o = report[s], then o = outLink[o]
 * while o ≥ 0, each one key keyAt[o].
 */
export type AutomatonTables = {
  readonly classOf: Uint16Array;
  readonly base: Int32Array;
  readonly check: Int32Array;
  readonly fail: Int32Array;
  readonly keyAt: Int32Array;
  readonly report: Int32Array;
  readonly outLink: Int32Array;
};

function classesOf(keys: readonly string[]): { classOf: Uint16Array; count: number } {
  const frequency = new Map<number, number>();
  for (const key of keys) {
    if (key.length === 0) throw new Error('an automaton key cannot be empty');
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      frequency.set(u, (frequency.get(u) ?? 0) + 1);
    }
  }
  const units = [...frequency.keys()].sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || a - b);
  if (units.length >= 0xffff) throw new Error('too many distinct characters for one automaton');
  const classOf = new Uint16Array(0x10000);
  units.forEach((u, i) => {
    classOf[u] = i + 1;
  });
  return { classOf, count: units.length };
}

function trieOf(keys: readonly string[], classOf: Uint16Array): Trie {
  const children: Map<number, number>[] = [new Map()];
  const keyAt: number[] = [-1];
  keys.forEach((key, index) => {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = classOf[key.charCodeAt(i)] as number;
      const here = children[node] as Map<number, number>;
      let next = here.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        keyAt.push(-1);
        here.set(c, next);
      }
      node = next;
    }
    if (keyAt[node] === -1) keyAt[node] = index;
  });
  return { children, keyAt };
}

export class AhoCorasick implements AutomatonTables {
  readonly classOf: Uint16Array;
  readonly base: Int32Array;
  readonly check: Int32Array;
  readonly fail: Int32Array;
  /** Key ending exactly at this state, or -1. */
  readonly keyAt: Int32Array;
  /** First state on this state's suffix chain (itself included) where a key ends, or -1. */
  readonly report: Int32Array;
  /** Next state after this one, along the suffix chain, where a key ends, or -1. */
  readonly outLink: Int32Array;
  private readonly classes: number;
  private readonly states: number;
  readonly keyCount: number;

  /** Compiles distinct, non-empty keys; a match reports the key's index in `keys`. */
  constructor(keys: readonly string[]) {
    const { classOf, count } = classesOf(keys);
    const trie = trieOf(keys, classOf);
    const nodes = trie.children.length;
    const da = new DoubleArrayBuilder(nodes + count + 2);
    const stateOf = new Int32Array(nodes);
    const order: number[] = [0];
    for (let qi = 0; qi < order.length; qi++) {
      const node = order[qi] as number;
      const kids = trie.children[node] as Map<number, number>;
      if (kids.size === 0) continue; // a leaf keeps base 0: every check fails for it
      const classes = [...kids.keys()].sort((a, b) => a - b);
      const b = node === 0 ? 0 : da.place(stateOf[node] as number, classes);
      for (const c of classes) {
        const child = kids.get(c) as number;
        if (node === 0) da.claim(c, 0);
        stateOf[child] = b + c;
        order.push(child);
      }
    }
    // Every base + class lookup must land inside the arrays, whatever state and class; every used
    // cell (at most maxBase + count) does too.
    const size = da.maxBase + count + 2;
    da.grow(size);
    const base = da.base.slice(0, size);
    const check = da.check.slice(0, size);
    const fail = new Int32Array(base.length);
    const keyAt = new Int32Array(base.length).fill(-1);
    const report = new Int32Array(base.length).fill(-1);
    const outLink = new Int32Array(base.length).fill(-1);

    for (const node of order) {
      const s = stateOf[node] as number;
      keyAt[s] = trie.keyAt[node] as number;
      if (s !== 0) {
        const f = fail[s] as number;
        outLink[s] = (keyAt[f] as number) >= 0 ? f : (outLink[f] as number);
        report[s] = (keyAt[s] as number) >= 0 ? s : (outLink[s] as number);
      }
      for (const [c, child] of trie.children[node] as Map<number, number>) {
        const t = stateOf[child] as number;
        if (s === 0) continue; // depth-1 states fail to the root (fail[t] is already 0)
        let f = fail[s] as number;
        for (;;) {
          const u = (base[f] as number) + c;
          if (check[u] === f) {
            fail[t] = u;
            break;
          }
          if (f === 0) break;
          f = fail[f] as number;
        }
      }
    }

    this.classOf = classOf;
    this.base = base;
    this.check = check;
    this.fail = fail;
    this.keyAt = keyAt;
    this.report = report;
    this.outLink = outLink;
    this.classes = count;
    this.states = order.length;
    this.keyCount = keys.length;
    Object.freeze(this);
  }

  /** Appends (key index, end) pairs for every occurrence of every key in `text`, in order of end. */
  findAll(text: Uint16Array, out: number[]): void {
    const classOf = this.classOf;
    const base = this.base;
    const check = this.check;
    const fail = this.fail;
    const report = this.report;
    const outLink = this.outLink;
    const keyAt = this.keyAt;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = classOf[text[i] as number] as number;
      if (c === 0) {
        s = 0;
        continue;
      }
      for (;;) {
        const t = (base[s] as number) + c;
        if (check[t] === s) {
          s = t;
          break;
        }
        if (s === 0) break;
        s = fail[s] as number;
      }
      for (let o = report[s] as number; o >= 0; o = outLink[o] as number) out.push(keyAt[o] as number, i + 1);
    }
  }

  /** Whether any key occurs in `text` (stops at the first). */
  test(text: Uint16Array): boolean {
    const classOf = this.classOf;
    const base = this.base;
    const check = this.check;
    const fail = this.fail;
    const report = this.report;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = classOf[text[i] as number] as number;
      if (c === 0) {
        s = 0;
        continue;
      }
      for (;;) {
        const t = (base[s] as number) + c;
        if (check[t] === s) {
          s = t;
          break;
        }
        if (s === 0) break;
        s = fail[s] as number;
      }
      if ((report[s] as number) >= 0) return true;
    }
    return false;
  }

  /** Size figures, for benchmarks and capacity checks. */
  stats(): AutomatonStats {
    const cells = this.base.length;
    return {
      keys: this.keyCount,
      classes: this.classes,
      states: this.states,
      cells,
      bytes: this.classOf.byteLength + cells * 4 * 6,
    };
  }
}
