/**
 * Compiled lexicons held in memory, one current matcher per lexicon, keyed by (lexiconId, version).
 * A lexicon edit bumps its version; the next message that needs it compiles the new version once
 * (concurrent callers share that one compile) and swaps the reference in a single assignment.
 * A scan that already holds the old matcher finishes with it; nothing is locked, nothing restarts.
 * An older version arriving late never replaces a newer one.
 */
import { compileLexicon, type LexiconEntry, type Matcher } from './lexicon.js';

export type CompiledVersion = { readonly lexiconId: string; readonly version: number; readonly matcher: Matcher };

export type LexiconRegistryOptions = {
  /** Compiler, replaceable in tests; compileLexicon by default. */
  compile?: (entries: readonly LexiconEntry[]) => Matcher;
};

export class LexiconRegistry {
  private readonly current = new Map<string, CompiledVersion>();
  private readonly pending = new Map<string, Promise<CompiledVersion>>();
  private readonly compile: (entries: readonly LexiconEntry[]) => Matcher;

  constructor(options: LexiconRegistryOptions = {}) {
    this.compile = options.compile ?? compileLexicon;
  }

  /** The newest compiled version of a lexicon, if any. */
  peek(lexiconId: string): CompiledVersion | undefined {
    return this.current.get(lexiconId);
  }

  /** The matcher for exactly this version, if it is the one held. */
  get(lexiconId: string, version: number): Matcher | undefined {
    const held = this.current.get(lexiconId);
    return held && held.version === version ? held.matcher : undefined;
  }

  /**
   * Compiles and installs a version from its entries, unless a newer one is already held
   * (then the newer one is returned and nothing changes).
   */
  install(lexiconId: string, version: number, entries: readonly LexiconEntry[]): CompiledVersion {
    const held = this.current.get(lexiconId);
    if (held && held.version >= version) return held;
    return this.swapIn({ lexiconId, version, matcher: this.compile(entries) });
  }

  /**
   * The matcher for (lexiconId, version): the held one, or loaded and compiled once however many
   * callers ask at the same time. A newer version held meanwhile wins.
   */
  async resolve(
    lexiconId: string,
    version: number,
    load: () => Promise<readonly LexiconEntry[]>,
  ): Promise<CompiledVersion> {
    const held = this.current.get(lexiconId);
    if (held && held.version >= version) return held;
    const key = `${lexiconId}\u0000${version}`;
    let job = this.pending.get(key);
    if (!job) {
      job = (async () => {
        try {
          const entries = await load();
          const newer = this.current.get(lexiconId);
          if (newer && newer.version >= version) return newer;
          return this.swapIn({ lexiconId, version, matcher: this.compile(entries) });
        } finally {
          this.pending.delete(key);
        }
      })();
      this.pending.set(key, job);
    }
    return job;
  }

  /** Forgets a lexicon (deleted, or its org gone); scans holding its matcher finish with it. */
  evict(lexiconId: string): void {
    this.current.delete(lexiconId);
  }

  /** Lexicons held. */
  get size(): number {
    return this.current.size;
  }

  private swapIn(compiled: CompiledVersion): CompiledVersion {
    const held = this.current.get(compiled.lexiconId);
    if (held && held.version >= compiled.version) return held;
    const frozen = Object.freeze({ ...compiled });
    this.current.set(compiled.lexiconId, frozen);
    return frozen;
  }
}
