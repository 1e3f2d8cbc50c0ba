import { describe, expect, it } from 'vitest';
import { statsChartOption } from './stats-chart';

describe('customer group statistics chart', () => {
  it('draws joins, leaves and active members per day, labelled by month and day', () => {
    const option = statsChartOption(
      {
        days: [
          { day: '2026-03-02', joins: 3, leaves: 0, activeMembers: 2, messages: 9 },
          { day: '2026-03-03', joins: 1, leaves: 1, activeMembers: 0, messages: 0 },
        ],
        totals: { joins: 4, leaves: 1, messages: 9 },
      },
      { joins: '入群', leaves: '退群', active: '活跃成员' },
    ) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['03-02', '03-03']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['入群', [3, 1]],
      ['退群', [0, 1]],
      ['活跃成员', [2, 0]],
    ]);
  });
});
