/** 客户响应时效: the first-response distribution as a bar chart and per member figures, with the XLSX download. */
import { Card, Empty, Table, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/page-state';
import { EChart } from '../../../lib/charts/echart';
import { type AnalyticsFilter, type ResponseTimeStats, useResponseTime } from './analytics-api';
import { responseTimeOption } from './chart-options';
import { DownloadReportButton } from './download-report-button';

type Row = ResponseTimeStats['byMember'][number];
type Bucket = ResponseTimeStats['distribution'][number]['bucket'];

const minutes = (n: number | null) => (n === null ? '—' : String(n));

function ResponseTimeView({ stats }: { stats: ResponseTimeStats }) {
  const { t } = useTranslation('customerAnalytics');
  const option = useMemo(() => {
    const bucket = Object.fromEntries(
      stats.distribution.map((d) => [d.bucket, t(`responseTime.bucket.${d.bucket}`)]),
    ) as Record<Bucket, string>;
    return responseTimeOption(stats, { bucket, messages: t('responseTime.answered') });
  }, [stats, t]);
  if (stats.totals.messages === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />;
  const totals: Row = {
    id: 'total',
    name: t('responseTime.total'),
    departmentId: '',
    departmentName: '',
    ...stats.totals,
  };
  return (
    <>
      <EChart option={option} label={t('responseTime.chart')} style={{ height: 220 }} />
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="response-time-table"
        dataSource={[...stats.byMember, totals]}
        onRow={(r) => ({ 'data-testid': `response-time-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('responseTime.member'), dataIndex: 'name' },
          { key: 'department', title: t('responseTime.department'), dataIndex: 'departmentName' },
          { key: 'messages', title: t('responseTime.messages'), dataIndex: 'messages', align: 'right' },
          { key: 'answered', title: t('responseTime.answered'), dataIndex: 'answered', align: 'right' },
          {
            key: 'median',
            title: t('responseTime.median'),
            align: 'right',
            render: (_, r) => minutes(r.medianMinutes),
          },
          { key: 'p90', title: t('responseTime.p90'), align: 'right', render: (_, r) => minutes(r.p90Minutes) },
          {
            key: 'overdue',
            title: t('responseTime.overdue'),
            align: 'right',
            render: (_, r) => (
              <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{r.overdue}</Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}

export function ResponseTimeCard({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useTranslation('customerAnalytics');
  const stats = useResponseTime(filter);
  return (
    <Card
      size="small"
      title={t('responseTime.title')}
      data-testid="response-time-card"
      extra={<DownloadReportButton report="response-time" filter={filter} />}
    >
      {stats.data ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('responseTime.hint', { zone: stats.data.workingTimeZone, target: stats.data.targetMinutes })}
        </Typography.Paragraph>
      ) : null}
      <QueryState query={stats}>{(data) => <ResponseTimeView stats={data} />}</QueryState>
    </Card>
  );
}
