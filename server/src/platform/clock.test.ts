import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offsetFileClock } from './clock.js';

describe('offset file clock', () => {
  it('runs ahead of the wall clock by the milliseconds in the file, and not at all without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-clock-'));
    const file = join(dir, 'offset');
    writeFileSync(file, '600000\n');
    const before = Date.now();
    const ahead = offsetFileClock(file).now().getTime();
    expect(ahead - before).toBeGreaterThanOrEqual(600_000);
    expect(ahead - Date.now()).toBeLessThanOrEqual(600_000);
    const plain = offsetFileClock(join(dir, 'missing')).now().getTime();
    expect(Math.abs(plain - Date.now())).toBeLessThan(1000);
  });
});
