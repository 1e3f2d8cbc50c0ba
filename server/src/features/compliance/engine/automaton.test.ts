import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './automaton.js';

const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** Every (key, end) occurrence by brute force, in the automaton's order: by end, longest first. */
function naive(keys: readonly string[], text: string): number[] {
  const found: [number, number, number][] = [];
  keys.forEach((key, k) => {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1))
      found.push([k, at + key.length, key.length]);
  });
  found.sort((a, b) => a[1] - b[1] || b[2] - a[2]);
  const pairs: number[] = [];
  for (const [k, end] of found) pairs.push(k, end);
  return pairs;
}

describe('Aho–Corasick automaton', () => {
  it('finds every occurrence of every key, nested and overlapping ones included', () => {
    const keys = ['he', 'she', 'his', 'hers'];
    const out: number[] = [];
    new AhoCorasick(keys).findAll(units('ushers'), out);
    expect(out).toEqual([1, 4, 0, 4, 3, 6]);
  });

  it('agrees with a brute-force search on random keys and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '加', '我', '微', '信');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 30 }),
        fc.array(alphabet, { maxLength: 80 }),
        (keys, chars) => {
          const text = chars.join('');
          const out: number[] = [];
          const automaton = new AhoCorasick(keys);
          automaton.findAll(units(text), out);
          expect(out).toEqual(naive(keys, text));
          expect(automaton.test(units(text))).toBe(out.length > 0);
        },
      ),
    );
  });

  it('packs a large alphabet and many keys into a dense double array', () => {
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) {
      keys.push(String.fromCharCode(0x4e00 + ((i * 7919) % 3000), 0x4e00 + ((i * 104729) % 3001), 0x4e00 + (i % 97)));
    }
    const automaton = new AhoCorasick([...new Set(keys)]);
    const stats = automaton.stats();
    expect(stats.cells).toBeLessThan(stats.states * 2 + stats.classes + 2);
    const out: number[] = [];
    automaton.findAll(units(`xx${keys[1234]}yy`), out);
    expect(out).toContain(5);
  });

  it('refuses an empty key', () => {
    expect(() => new AhoCorasick(['ab', ''])).toThrow();
  });

  it('matches nothing with no keys', () => {
    const out: number[] = [];
    new AhoCorasick([]).findAll(units('anything'), out);
    expect(out).toEqual([]);
  });
});
