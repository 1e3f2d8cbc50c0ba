/** 跟进统计: follow-ups per member or per department, stacked by kind (call, visit, message, note). */
import { Card, Empty, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/page-state';
import { EChart } from '../../../lib/charts/echart';
import { type AnalyticsFilter, type FollowUpStats, useFollowUpStats } from './analytics-api';
import { followUpsOption } from './chart-options';
import { DownloadReportButton } from './download-report-button';

type By = 'member' | 'department';

function FollowUpsView({ stats, by }: { stats: FollowUpStats; by: By }) {
  const { t } = useTranslation('customerAnalytics');
  const option = useMemo(() => {
    const kindText = Object.fromEntries(stats.kinds.map((k) => [k, t(`followUps.kind.${k}`)])) as Record<
      FollowUpStats['kinds'][number],
      string
    >;
    return followUpsOption(by === 'member' ? stats.byMember : stats.byDepartment, stats.kinds, kindText);
  }, [stats, by, t]);
  return (
    <>
      <Typography.Text type="secondary" data-testid="follow-ups-total">
        {t('followUps.total', { count: stats.totals.total })}
      </Typography.Text>
      {stats.totals.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <EChart option={option} label={t('followUps.chart')} style={{ height: 260 }} />
      )}
    </>
  );
}

export function FollowUpsCard({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useTranslation('customerAnalytics');
  const stats = useFollowUpStats(filter);
  const [by, setBy] = useState<By>('member');
  return (
    <Card
      size="small"
      title={t('followUps.title')}
      extra={
        <div style={{ display: 'flex', gap: 8 }}>
          <Segmented<By>
            size="small"
            value={by}
            onChange={setBy}
            options={[
              { value: 'member', label: t('followUps.byMember') },
              { value: 'department', label: t('followUps.byDepartment') },
            ]}
          />
          <DownloadReportButton report="follow-ups" filter={filter} />
        </div>
      }
    >
      <QueryState query={stats}>{(data) => <FollowUpsView stats={data} by={by} />}</QueryState>
    </Card>
  );
}
