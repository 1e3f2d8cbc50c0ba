import { describe, expect, it } from 'vitest';
import type { FollowUpStats, Funnel, ResponseTimeStats, Trend } from './analytics-api';
import { followUpsOption, formatRate, funnelOption, responseTimeOption, trendOption } from './chart-options';

const step = (name: string, reached: number, fromFirst: number | null, kind: 'open' | 'won' | 'lost' = 'open') => ({
  stageId: name,
  name,
  kind,
  reached,
  current: 1,
  fromPrevious: null,
  fromFirst,
});

describe('analytics chart options', () => {
  it('shows percentages with one decimal and a dash when there is nothing to rate against', () => {
    expect(formatRate(0.8571)).toBe('85.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('keeps the funnel in pipeline order, each stage labelled with its count and rate from the first', () => {
    const funnel: Funnel = {
      range: { from: null, to: null },
      timeZone: 'UTC',
      customers: 7,
      steps: [step('线索', 7, 1), step('初次沟通', 6, 0.8571), step('报价', 2, 0.2857), step('成交', 3, 0.4286, 'won')],
      lost: [step('流失', 2, 0.2857, 'lost')],
    };
    const option = funnelOption(funnel, { reached: '到达客户数', fromFirst: '较首阶段' });
    const [series] = option.series;
    expect(series?.sort).toBe('none');
    expect(series?.data.map((d) => [d.name, d.value])).toEqual([
      ['线索', 7],
      ['初次沟通', 6],
      ['报价', 2],
      ['成交', 3],
    ]);
    expect(series?.data[1]?.label.formatter).toBe('初次沟通  6 · 85.7%');
  });

  it('draws new and lost customers as two lines over the periods', () => {
    const trend: Trend = {
      range: { from: '2026-03-01', to: '2026-03-10' },
      timeZone: 'UTC',
      interval: 'week',
      buckets: [
        { start: '2026-02-23', new: 2, lost: 0 },
        { start: '2026-03-02', new: 5, lost: 1 },
      ],
      totals: { new: 7, lost: 1 },
    };
    const option = trendOption(trend, { new: '新增客户', lost: '流失客户' });
    expect(option.xAxis.data).toEqual(['2026-02-23', '2026-03-02']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['新增客户', [2, 5]],
      ['流失客户', [0, 1]],
    ]);
  });

  it('stacks follow-ups of each kind per member', () => {
    const rows: FollowUpStats['byDepartment'] = [
      { id: 'a', name: '上海店', call: 2, visit: 1, message: 1, note: 0, total: 4 },
      { id: 'b', name: '华南区', call: 1, visit: 0, message: 0, note: 1, total: 2 },
    ];
    const option = followUpsOption(rows, ['call', 'visit', 'message', 'note'], {
      call: '电话',
      visit: '拜访',
      message: '消息',
      note: '备注',
    });
    expect(option.xAxis.data).toEqual(['上海店', '华南区']);
    expect(option.legend.data).toEqual(['电话', '拜访', '消息', '备注']);
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['电话', 'total', [2, 1]],
      ['拜访', 'total', [1, 0]],
      ['消息', 'total', [1, 0]],
      ['备注', 'total', [0, 1]],
    ]);
  });
});

describe('response-time chart option', () => {
  it('draws one bar per bucket in order, buckets at or past the target in orange', () => {
    const buckets = ['lt1', '1to5', '5to10', '10to30', '30to60', 'gt60'] as const;
    const stats: ResponseTimeStats = {
      range: { from: '2026-03-02', to: '2026-03-02' },
      timeZone: 'UTC',
      workingTimeZone: 'Asia/Shanghai',
      targetMinutes: 10,
      distribution: buckets.map((bucket, i) => ({ bucket, count: i })),
      byMember: [],
      totals: { messages: 15, answered: 15, medianMinutes: 12, p90Minutes: 45, overdue: 9 },
    };
    const names = Object.fromEntries(buckets.map((b) => [b, `桶${b}`])) as Record<(typeof buckets)[number], string>;
    const option = responseTimeOption(stats, { bucket: names, messages: '已回复' });
    expect(option.xAxis.data).toEqual(buckets.map((b) => `桶${b}`));
    expect(option.series[0]?.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [0, '#1677ff'],
      [1, '#1677ff'],
      [2, '#1677ff'],
      [3, '#fa8c16'],
      [4, '#fa8c16'],
      [5, '#fa8c16'],
    ]);
  });
});
