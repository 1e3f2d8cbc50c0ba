/**
 * A doc's walk signature (PostgreSQL): a 512-bit Bloom filter of its tokens, kept in the b-tree
 * indexes a named member's or conversation's search walks (migration 0024). The walk reads the
 * signatures from the index's leaf pages, a few dozen pages per 2,000 docs, and goes to the table
 * only for docs whose signature holds every bit of the query's tokens; without it each walked doc
 * is one random page read, the whole cost of a search from a cold cache.
 *
 * A doc with every query token always passes (no hit is lost); a doc without one passes with a
 * small chance (three bits per token: about 1 in 50 for one two-character word when a doc has 50
 * tokens), and its row is then checked and dropped. Written as PostgreSQL bit(512) hex input.
 */

export const SIGNATURE_BITS = 512;
const BITS_PER_TOKEN = 3;

/** FNV-1a over the token's UTF-16 units, then a second, independent mix of it for double hashing. */
function tokenHashes(token: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let g = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  g = Math.imul(g ^ (g >>> 13), 0xc2b2ae35);
  g ^= g >>> 16;
  return [h >>> 0, (g | 1) >>> 0];
}

/** The signature of these tokens as PostgreSQL's hex bit-string input ('x' and 128 hex digits). */
export function walkSignature(tokens: Iterable<string>): string {
  const bytes = new Uint8Array(SIGNATURE_BITS / 8);
  for (const token of tokens) {
    const [h, g] = tokenHashes(token);
    for (let i = 0; i < BITS_PER_TOKEN; i++) {
      const bit = (h + Math.imul(i, g)) >>> 0;
      const at = bit % SIGNATURE_BITS;
      bytes[at >> 3] = (bytes[at >> 3] as number) | (0x80 >> (at & 7));
    }
  }
  return `x${Buffer.from(bytes).toString('hex')}`;
}

/** The signature of a doc's token text (the space-separated text its tsvector is made from). */
export const docSignature = (tokenText: string): string => walkSignature(tokenText.split(' ').filter(Boolean));
