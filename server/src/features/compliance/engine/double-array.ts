/**
 * Building a double array: states are placed so that state s's child on class c sits at
 * base[s] + c with check[...] = s. Placing a state is a search for a base whose cells are all free.
 */

const WINDOW = 1024;

/**
 * Grows-as-needed double array: base/check, a used-cell map and, for placing children quickly,
 * skip[c] — a cell at or before the next free cell after a used cell c (path-compressed).
 */
export class DoubleArrayBuilder {
  base = new Int32Array(0);
  check = new Int32Array(0);
  used = new Uint8Array(0);
  skip = new Int32Array(0);
  maxBase = 0;
  highest = 0;

  constructor(size: number) {
    this.grow(size);
    this.claim(0, -1); // the root
  }

  grow(size: number): void {
    if (size <= this.base.length) return;
    const old = this.base.length;
    const n = Math.max(size, old * 2);
    const base = new Int32Array(n);
    const check = new Int32Array(n).fill(-1);
    const used = new Uint8Array(n);
    const skip = new Int32Array(n);
    base.set(this.base);
    check.set(this.check);
    used.set(this.used);
    skip.set(this.skip);
    for (let i = old; i < n; i++) skip[i] = i + 1;
    this.base = base;
    this.check = check;
    this.used = used;
    this.skip = skip;
  }

  claim(cell: number, parent: number): void {
    this.used[cell] = 1;
    this.check[cell] = parent;
  }

  /** The first free cell at or after `from`. */
  private freeFrom(from: number): number {
    this.grow(from + 1);
    let cell = from;
    while (this.used[cell]) {
      cell = this.skip[cell] as number;
      this.grow(cell + 1);
    }
    for (let c = from; c !== cell; ) {
      const next = this.skip[c] as number;
      if (this.used[c]) this.skip[c] = cell;
      c = next;
    }
    return cell;
  }

  /**
   * Finds a base b where every b + c is free, claims those cells for `parent`, returns b. A state
   * with several children looks only near the end of the used cells: the holes further back are
   * left to single children, which fit anywhere, instead of being tried again and again.
   */
  place(parent: number, classes: readonly number[]): number {
    const first = classes[0] as number;
    const last = classes[classes.length - 1] as number;
    const from = classes.length === 1 ? first + 1 : Math.max(first + 1, this.highest - last - WINDOW);
    for (let cell = this.freeFrom(from); ; cell = this.freeFrom(cell + 1)) {
      const b = cell - first;
      this.grow(b + last + 1);
      let fits = true;
      for (let i = 1; i < classes.length && fits; i++) fits = !this.used[b + (classes[i] as number)];
      if (!fits) continue;
      for (const c of classes) this.claim(b + c, parent);
      this.highest = Math.max(this.highest, b + last);
      this.base[parent] = b;
      if (b > this.maxBase) this.maxBase = b;
      return b;
    }
  }
}
