/**
 * ECharts options of the analytics dashboard, built from the API's reports. Pure functions of
 * data and texts, so they are tested without a browser.
 */
import type { FollowUpStats, Funnel, ResponseTimeStats, Trend } from './analytics-api';

type FollowUpKind = FollowUpStats['kinds'][number];

/** A rate as a percentage with one decimal; a dash when there is nothing to rate against. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

const STEP_COLORS = ['#1677ff', '#4096ff', '#69b1ff', '#91caff', '#52c41a', '#95de64', '#b7eb8f'];

/** The funnel of open and won stages, in pipeline order (not re-sorted by size). */
export function funnelOption(funnel: Funnel, texts: { reached: string; fromFirst: string }) {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        name: texts.reached,
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '8%',
        gap: 2,
        label: { position: 'inside', color: '#fff' },
        data: funnel.steps.map((step, i) => ({
          name: step.name,
          value: step.reached,
          itemStyle: { color: STEP_COLORS[i % STEP_COLORS.length] },
          label: { formatter: `${step.name}  ${step.reached} · ${formatRate(step.fromFirst)}` },
        })),
      },
    ],
  };
}

/** New and lost customers per period, as two lines. */
export function trendOption(trend: Trend, texts: { new: string; lost: string }) {
  return {
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: [texts.new, texts.lost], top: 0 },
    xAxis: { type: 'category', data: trend.buckets.map((b) => b.start) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: texts.new, data: trend.buckets.map((b) => b.new), itemStyle: { color: '#1677ff' } },
      { type: 'line', name: texts.lost, data: trend.buckets.map((b) => b.lost), itemStyle: { color: '#ff4d4f' } },
    ],
  };
}

type CountRow = { name: string } & Record<FollowUpKind, number>;

const KIND_COLORS: Record<FollowUpKind, string> = {
  call: '#1677ff',
  visit: '#52c41a',
  message: '#faad14',
  note: '#8c8c8c',
};

/** Follow-ups per member or department, one stacked bar per row, one colour per kind. */
export function followUpsOption(
  rows: readonly CountRow[],
  kinds: readonly FollowUpKind[],
  kindText: Record<FollowUpKind, string>,
) {
  return {
    grid: { left: 40, right: 16, top: 32, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: kinds.map((k) => kindText[k]), top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map((kind) => ({
      type: 'bar',
      name: kindText[kind],
      stack: 'total',
      data: rows.map((r) => r[kind]),
      itemStyle: { color: KIND_COLORS[kind] },
    })),
  };
}

type ResponseBucket = ResponseTimeStats['distribution'][number]['bucket'];

/** Answered customer messages per first-response bucket; buckets past the target in orange. */
export function responseTimeOption(
  stats: ResponseTimeStats,
  texts: { bucket: Record<ResponseBucket, string>; messages: string },
) {
  const lower: Record<ResponseBucket, number> = { lt1: 0, '1to5': 1, '5to10': 5, '10to30': 10, '30to60': 30, gt60: 60 };
  return {
    grid: { left: 40, right: 16, top: 24, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: stats.distribution.map((d) => texts.bucket[d.bucket]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: texts.messages,
        data: stats.distribution.map((d) => ({
          value: d.count,
          itemStyle: { color: lower[d.bucket] >= stats.targetMinutes ? '#fa8c16' : '#1677ff' },
        })),
      },
    ],
  };
}
