/** Alerts per day (China time) over the chosen period, as bars. */
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../lib/charts/echart';
import { type DayCount, gaplessDays } from './daily-counts';

export function DailyAlertsChart({ counts }: { counts: readonly DayCount[] }) {
  const { t } = useTranslation('sensitive');
  const option = useMemo(() => {
    const days = gaplessDays(counts);
    return {
      grid: { left: 32, right: 8, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('alerts.byDay'), data: days.map((d) => d.count), itemStyle: { color: '#fa541c' } },
      ],
    };
  }, [counts, t]);
  if (counts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} label={t('alerts.byDayChart')} />;
}
