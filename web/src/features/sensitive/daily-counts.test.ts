import { describe, expect, it } from 'vitest';
import { gaplessDays } from './daily-counts';

describe('gaplessDays', () => {
  it('fills the days without alerts with zero, across a month end', () => {
    expect(
      gaplessDays([
        { day: '2026-11-29', count: 2 },
        { day: '2026-12-02', count: 5 },
      ]),
    ).toEqual([
      { day: '2026-11-29', count: 2 },
      { day: '2026-11-30', count: 0 },
      { day: '2026-12-01', count: 0 },
      { day: '2026-12-02', count: 5 },
    ]);
  });

  it('keeps a single day and an empty series as they are', () => {
    expect(gaplessDays([{ day: '2026-12-04', count: 1 }])).toEqual([{ day: '2026-12-04', count: 1 }]);
    expect(gaplessDays([])).toEqual([]);
  });
});
