/** The statistics chart's options: joins, leaves and active members per day as lines. Pure, for tests. */
import type { ChartOption } from '../../lib/charts/echart';
import type { GroupStats } from './api';

export type StatsLabels = { joins: string; leaves: string; active: string };

export function statsChartOption(stats: GroupStats, labels: StatsLabels): ChartOption {
  const days = stats.days.map((d) => d.day.slice(5));
  const line = (name: string, data: number[]) => ({ name, type: 'line', smooth: true, data });
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.joins, labels.leaves, labels.active], bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(
        labels.joins,
        stats.days.map((d) => d.joins),
      ),
      line(
        labels.leaves,
        stats.days.map((d) => d.leaves),
      ),
      line(
        labels.active,
        stats.days.map((d) => d.activeMembers),
      ),
    ],
  };
}
