import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, shortUserAgent } from './format';

describe('formatDateTime', () => {
  it('formats in local time', () => {
    const d = new Date(2025, 0, 31, 9, 5, 7);
    expect(formatDateTime(d.toISOString())).toBe('2025-01-31 09:05:07');
    expect(formatDate(d.toISOString())).toBe('2025-01-31');
  });
  it('is empty for missing or bad instants', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('nope')).toBe('');
  });
});

describe('shortUserAgent', () => {
  it('names common browsers and systems', () => {
    expect(
      shortUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome 120 · Windows');
    expect(
      shortUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 17 · iOS');
    expect(
      shortUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
      ),
    ).toBe('Edge 120 · Windows');
    expect(shortUserAgent('curl/8.4.0')).toBe('curl 8');
  });
  it('cuts unknown agents and is empty without one', () => {
    expect(shortUserAgent(null)).toBe('');
    expect(shortUserAgent('x'.repeat(60))).toHaveLength(40);
  });
});
