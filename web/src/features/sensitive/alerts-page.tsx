/**
 * 敏感内容告警 (archive.view): counts per member and rule, filters, the alert list page by page,
 * and confirming or dismissing with a note. The list refreshes by itself while open.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { ALERT_STATUSES, type AlertStatus } from '@concord/protocol';
import { Button, Card, DatePicker, Flex, Form, Grid, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { AdminPanel } from '../admin/admin-panel';
import { AlertReviewModal, type Review } from './alert-review-modal';
import { AlertsTable } from './alerts-table';
import { type Alert, type AlertQuery, useAlertStats, useAlerts } from './api';
import { DailyAlertsChart } from './daily-alerts-chart';

const PAGE_SIZE = 30;

type Filters = Omit<AlertQuery, 'limit' | 'cursor'>;
type FormValues = {
  status?: AlertStatus;
  ruleId?: string;
  memberId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

export function AlertsPage() {
  return (
    <RequirePermission permission="archive.view">
      <AlertsView />
    </RequirePermission>
  );
}

function AlertsView() {
  const { t } = useTranslation('sensitive');
  const screens = Grid.useBreakpoint();
  const [filters, setFilters] = useState<Filters>({ status: 'new' });
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useAlerts({ ...filters, limit: PAGE_SIZE, cursor });
  const stats = useAlertStats({ from: filters.from, to: filters.to });
  const [review, setReview] = useState<Review | null>(null);
  const nextCursor = page.data?.nextCursor ?? null;

  const apply = (values: FormValues) => {
    const [from, to] = values.range ?? [];
    setFilters({
      status: values.status,
      ruleId: values.ruleId,
      memberId: values.memberId,
      from: from?.toISOString(),
      to: to?.toISOString(),
    });
    setCursors([undefined]);
  };

  return (
    <AdminPanel title={t('alerts.title')} subtitle={t('alerts.subtitle')}>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Card size="small" style={{ flex: '1 1 260px' }} title={t('alerts.byMember')}>
          <Counts items={stats.data?.byMember ?? []} />
        </Card>
        <Card size="small" style={{ flex: '1 1 260px' }} title={t('alerts.byRule')}>
          <Counts items={stats.data?.byRule ?? []} />
        </Card>
        <Card size="small" style={{ flex: '2 1 360px' }} title={t('alerts.byDay')}>
          <DailyAlertsChart counts={stats.data?.byDay ?? []} />
        </Card>
        <Card size="small" style={{ flex: '0 1 180px' }} title={t('alerts.stats')}>
          <Typography.Text strong data-testid="alert-total">
            {t('alerts.total', { count: stats.data?.total ?? 0 })}
          </Typography.Text>
        </Card>
      </Flex>
      <Form<FormValues>
        name="alert-filters"
        layout={screens.md ? 'inline' : 'vertical'}
        initialValues={{ status: 'new' }}
        onFinish={apply}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="status" label={t('alerts.filterStatus')}>
          <Select
            allowClear
            placeholder={t('alerts.all')}
            style={{ width: 120 }}
            options={ALERT_STATUSES.map((s) => ({ value: s, label: t(`alerts.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="ruleId" label={t('alerts.filterRule')}>
          <Select
            allowClear
            placeholder={t('alerts.all')}
            style={{ width: 180 }}
            options={(stats.data?.byRule ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="memberId" label={t('alerts.filterMember')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('alerts.all')}
            style={{ width: 160 }}
            options={(stats.data?.byMember ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('alerts.range')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            style={{ width: screens.md ? 340 : '100%' }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('alerts.query')}
          </Button>
        </Form.Item>
      </Form>
      {page.error && !page.data ? (
        <LoadError error={page.error} onRetry={() => page.refetch()} />
      ) : (
        <>
          <AlertsTable
            alerts={page.data?.items ?? []}
            loading={page.isFetching && !page.data}
            onReview={(alert: Alert, status: AlertStatus) => setReview({ alert, status })}
          />
          <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('alerts.page', { page: cursors.length })}</Typography.Text>
            <Button
              icon={<LeftOutlined />}
              disabled={cursors.length <= 1 || page.isFetching}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t('alerts.prev')}
            </Button>
            <Button
              disabled={!nextCursor || page.isFetching}
              onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
            >
              {t('alerts.next')}
              <RightOutlined />
            </Button>
          </Flex>
        </>
      )}
      <AlertReviewModal review={review} onClose={() => setReview(null)} />
    </AdminPanel>
  );
}

function Counts({ items }: { items: { id: string; name: string; count: number }[] }) {
  const { t } = useTranslation('sensitive');
  if (items.length === 0) return <Typography.Text type="secondary">{t('alerts.empty')}</Typography.Text>;
  return (
    <Space size={[6, 6]} wrap>
      {items.slice(0, 8).map((item) => (
        <Tag key={item.id}>
          {item.name} · {t('alerts.count', { count: item.count })}
        </Tag>
      ))}
    </Space>
  );
}
