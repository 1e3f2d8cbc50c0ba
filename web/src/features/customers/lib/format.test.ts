import { describe, expect, it } from 'vitest';
import { formatTime, localToIso } from './format';

describe('time formats', () => {
  it('reads a datetime-local value as local time', () => {
    const local = new Date(2026, 0, 5, 9, 30);
    expect(localToIso('2026-01-05T09:30')).toBe(local.toISOString());
    expect(localToIso('')).toBeNull();
    expect(localToIso('not a date')).toBeNull();
  });

  it('shows nothing for a missing time', () => {
    expect(formatTime(null, 'zh-CN')).toBe('');
    expect(formatTime('2026-01-05T01:00:00.000Z', 'zh-CN')).toMatch(/2026/);
  });
});
