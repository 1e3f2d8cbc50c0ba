/** 新增与流失客户: new and lost customers per day, week or month, as two lines. */
import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/page-state';
import { EChart } from '../../../lib/charts/echart';
import { type AnalyticsFilter, type Trend, useTrend } from './analytics-api';
import { trendOption } from './chart-options';
import { DownloadReportButton } from './download-report-button';

function TrendView({ trend }: { trend: Trend }) {
  const { t } = useTranslation('customerAnalytics');
  const option = useMemo(() => trendOption(trend, { new: t('trend.new'), lost: t('trend.lost') }), [trend, t]);
  return (
    <>
      <Typography.Text type="secondary" data-testid="trend-totals">
        {t('trend.totals', { new: trend.totals.new, lost: trend.totals.lost })}
      </Typography.Text>
      {trend.totals.new + trend.totals.lost === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <EChart option={option} label={t('trend.chart')} style={{ height: 260 }} />
      )}
    </>
  );
}

export function TrendCard({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useTranslation('customerAnalytics');
  const trend = useTrend(filter);
  return (
    <Card
      size="small"
      title={t('trend.title')}
      extra={<DownloadReportButton report="customers-trend" filter={filter} />}
    >
      <QueryState query={trend}>{(data) => <TrendView trend={data} />}</QueryState>
    </Card>
  );
}
