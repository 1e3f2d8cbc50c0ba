/** The alert list: when, who, which rule and what happened, the message with its hits, review state. */
import type { AlertStatus } from '@concord/protocol';
import { Button, Empty, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../admin/format';
import type { Alert } from './api';
import { HitText } from './hit-text';
import { ACTION_COLOR, STATUS_COLOR } from './labels';

export function AlertsTable({
  alerts,
  loading,
  onReview,
}: {
  alerts: Alert[];
  loading: boolean;
  onReview: (alert: Alert, status: AlertStatus) => void;
}) {
  const { t } = useTranslation('sensitive');
  const columns: TableProps<Alert>['columns'] = [
    {
      title: t('alerts.colTime'),
      key: 'time',
      width: 160,
      render: (_, a) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(a.createdAt)}</span>,
    },
    { title: t('alerts.colSender'), key: 'sender', width: 110, ellipsis: true, render: (_, a) => a.sender.name },
    {
      title: t('alerts.colRule'),
      key: 'rule',
      width: 180,
      render: (_, a) => (
        <Space size={[4, 4]} wrap>
          <span>{a.rule.name}</span>
          <Tag color={ACTION_COLOR[a.outcome]}>{t(`alerts.outcome.${a.outcome}`)}</Tag>
        </Space>
      ),
    },
    {
      title: t('alerts.colConversation'),
      key: 'conversation',
      width: 140,
      ellipsis: true,
      render: (_, a) => a.conversation.name ?? t('alerts.direct'),
    },
    {
      title: t('alerts.colText'),
      key: 'text',
      render: (_, a) => (
        <div style={{ minWidth: 220 }}>
          {a.source === 'edit' ? <Tag>{t('alerts.source.edit')}</Tag> : null}
          <HitText text={a.text} hits={a.hits} />
        </div>
      ),
    },
    {
      title: t('alerts.colStatus'),
      key: 'status',
      width: 150,
      render: (_, a) => (
        <div>
          <Tag color={STATUS_COLOR[a.status]}>{t(`alerts.status.${a.status}`)}</Tag>
          {a.reviewedBy && a.reviewedAt ? (
            <Tooltip title={t('alerts.reviewed', { name: a.reviewedBy.name, time: formatDateTime(a.reviewedAt) })}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                {a.note ?? a.reviewedBy.name}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </div>
      ),
    },
    {
      title: t('alerts.colActions'),
      key: 'actions',
      width: 140,
      render: (_, a) =>
        a.status === 'new' ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onReview(a, 'confirmed')}>
              {t('alerts.confirm')}
            </Button>
            <Button type="link" size="small" onClick={() => onReview(a, 'dismissed')}>
              {t('alerts.dismiss')}
            </Button>
          </Space>
        ) : (
          <Button type="link" size="small" onClick={() => onReview(a, 'new')}>
            {t('alerts.reopen')}
          </Button>
        ),
    },
  ];
  return (
    <Table<Alert>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={alerts}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <Empty description={t('alerts.empty')} /> }}
    />
  );
}
