import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from './lexicon.js';
import { LexiconRegistry } from './lexicon-registry.js';

const v1: LexiconEntry[] = [{ word: '加我微信', category: 'poaching' }];
const v2: LexiconEntry[] = [{ word: '私下转账', category: 'private_payment' }];

describe('lexicon registry', () => {
  it('swaps in a new version without touching a scan that holds the old one', () => {
    const registry = new LexiconRegistry();
    const old = registry.install('org-1/main', 1, v1).matcher;
    registry.install('org-1/main', 2, v2);
    expect(old.scanText('加我微信').map((h) => h.word)).toEqual(['加我微信']);
    const current = registry.peek('org-1/main');
    expect(current?.version).toBe(2);
    expect(current?.matcher.scanText('加我微信')).toEqual([]);
    expect(current?.matcher.scanText('私下转账').map((h) => h.word)).toEqual(['私下转账']);
  });

  it('never lets an older version replace a newer one', () => {
    const registry = new LexiconRegistry();
    registry.install('l', 3, v2);
    const held = registry.install('l', 2, v1);
    expect(held.version).toBe(3);
    expect(registry.get('l', 2)).toBeUndefined();
    expect(registry.get('l', 3)).toBe(held.matcher);
  });

  it('compiles a version once however many callers ask for it at the same time', async () => {
    let compiles = 0;
    let loads = 0;
    const registry = new LexiconRegistry({
      compile: (entries) => {
        compiles++;
        return new LexiconRegistry().install('x', 1, entries).matcher;
      },
    });
    const load = async () => {
      loads++;
      return v1;
    };
    const all = await Promise.all([
      registry.resolve('l', 1, load),
      registry.resolve('l', 1, load),
      registry.resolve('l', 1, load),
    ]);
    expect(new Set(all.map((c) => c.matcher)).size).toBe(1);
    expect([loads, compiles]).toEqual([1, 1]);
    await registry.resolve('l', 1, load);
    expect(loads).toBe(1);
  });

  it('keeps the newer version when an older load finishes last', async () => {
    const registry = new LexiconRegistry();
    let release: (entries: readonly LexiconEntry[]) => void = () => {};
    const slow = registry.resolve('l', 1, () => new Promise((resolve) => (release = resolve)));
    await registry.resolve('l', 2, async () => v2);
    release(v1);
    expect((await slow).version).toBe(2);
    expect(registry.peek('l')?.version).toBe(2);
  });

  it('compiles again after a failed load', async () => {
    const registry = new LexiconRegistry();
    await expect(registry.resolve('l', 1, async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await registry.resolve('l', 1, async () => v1)).version).toBe(1);
  });

  it('forgets an evicted lexicon', () => {
    const registry = new LexiconRegistry();
    registry.install('l', 1, v1);
    registry.evict('l');
    expect(registry.peek('l')).toBeUndefined();
    expect(registry.size).toBe(0);
  });
});
