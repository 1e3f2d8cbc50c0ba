/** 销售漏斗: the funnel chart of open and won stages, and a table of every stage with its rates. */
import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/page-state';
import { EChart } from '../../../lib/charts/echart';
import { type AnalyticsFilter, type Funnel, useFunnel } from './analytics-api';
import { formatRate, funnelOption } from './chart-options';
import { DownloadReportButton } from './download-report-button';

type Row = Funnel['steps'][number];

function FunnelView({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('customerAnalytics');
  const option = useMemo(
    () => funnelOption(funnel, { reached: t('funnel.reached'), fromFirst: t('funnel.fromFirst') }),
    [funnel, t],
  );
  const rows = [...funnel.steps, ...funnel.lost];
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
      <div style={{ flex: '1 1 320px', minWidth: 280 }}>
        <EChart option={option} label={t('funnel.chart')} style={{ height: 300 }} />
      </div>
      <div style={{ flex: '1 1 420px' }}>
        <Table<Row>
          size="small"
          rowKey="stageId"
          pagination={false}
          dataSource={rows}
          data-testid="funnel-table"
          columns={[
            { title: t('funnel.stage'), dataIndex: 'name' },
            { title: t('funnel.reached'), dataIndex: 'reached', align: 'right' },
            { title: t('funnel.current'), dataIndex: 'current', align: 'right' },
            {
              title: t('funnel.fromPrevious'),
              dataIndex: 'fromPrevious',
              align: 'right',
              render: (rate: number | null) => formatRate(rate),
            },
            {
              title: t('funnel.fromFirst'),
              dataIndex: 'fromFirst',
              align: 'right',
              render: (rate: number | null) => formatRate(rate),
            },
          ]}
        />
        <Typography.Text type="secondary">{t('funnel.customers', { count: funnel.customers })}</Typography.Text>
      </div>
    </div>
  );
}

export function FunnelCard({ filter }: { filter: AnalyticsFilter }) {
  const { t } = useTranslation('customerAnalytics');
  const funnel = useFunnel(filter);
  return (
    <Card
      size="small"
      title={t('funnel.title')}
      extra={<DownloadReportButton report="funnel" filter={filter} />}
      data-testid="funnel-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('funnel.hint')}
      </Typography.Paragraph>
      <QueryState query={funnel}>{(data) => <FunnelView funnel={data} />}</QueryState>
    </Card>
  );
}
