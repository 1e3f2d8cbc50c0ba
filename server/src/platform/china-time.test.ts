import { describe, expect, it } from 'vitest';
import { chinaDayOf, startOfChinaDay } from './china-time.js';

describe('China time', () => {
  it('starts a day at 16:00 UTC the day before', () => {
    expect(chinaDayOf('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(chinaDayOf('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
    expect(new Date(startOfChinaDay('2026-03-02')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('knows no malformed date', () => {
    expect(startOfChinaDay('2026-3-2')).toBeNaN();
  });
});
