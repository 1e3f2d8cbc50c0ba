/** Source of "now"; injected so tests can advance time instead of sleeping. */
import { readFileSync } from 'node:fs';

export type Clock = { now(): Date };

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests and simulations. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-05T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}

/**
 * The wall clock moved forward by the whole number of milliseconds written in a file (missing or
 * unreadable: no offset), for browser journeys run against a real server process. The file is
 * read at most every 100 ms of wall time.
 */
export function offsetFileClock(path: string): Clock {
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  return {
    now() {
      const wall = Date.now();
      if (wall - readAt >= 100) {
        readAt = wall;
        try {
          const value = Number(readFileSync(path, 'utf8').trim());
          offset = Number.isFinite(value) ? value : 0;
        } catch {
          offset = 0;
        }
      }
      return new Date(wall + offset);
    },
  };
}
