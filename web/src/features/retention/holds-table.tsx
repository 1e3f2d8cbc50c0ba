/** Legal holds, newest first: what is held, why, by whom and since when; holds in force can be released. */
import { App, Button, Empty, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api/error-text';
import { formatDateTime } from '../admin/format';
import { HoldTarget, PlacedBy } from './hold-names';
import { type Hold, useReleaseHold } from './retention-api';

export function HoldsTable({ holds, loading }: { holds: Hold[]; loading: boolean }) {
  const { t } = useTranslation('retention');
  const columns: TableProps<Hold>['columns'] = [
    { title: t('holds.colTarget'), key: 'target', width: 240, render: (_, h) => <HoldTarget hold={h} /> },
    {
      title: t('holds.colReason'),
      key: 'reason',
      render: (_, h) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{h.reason}</span>,
    },
    { title: t('holds.colBy'), key: 'by', width: 120, render: (_, h) => <PlacedBy hold={h} /> },
    {
      title: t('holds.colAt'),
      key: 'at',
      width: 170,
      render: (_, h) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(h.createdAt)}</span>,
    },
    {
      title: t('holds.colStatus'),
      key: 'status',
      width: 180,
      render: (_, h) =>
        h.releasedAt ? (
          <>
            <Tag>{t('holds.released')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('holds.releasedAt', { time: formatDateTime(h.releasedAt) })}
            </Typography.Text>
          </>
        ) : (
          <Tag color="green">{t('holds.active')}</Tag>
        ),
    },
    {
      title: t('holds.colActions'),
      key: 'actions',
      width: 90,
      render: (_, h) => (h.releasedAt ? null : <ReleaseButton hold={h} />),
    },
  ];
  return (
    <Table<Hold>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={holds}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description={t('holds.empty')} /> }}
      data-testid="holds-table"
    />
  );
}

function ReleaseButton({ hold }: { hold: Hold }) {
  const { t } = useTranslation('retention');
  const { message, modal } = App.useApp();
  const release = useReleaseHold();
  const name = hold.targetName ?? hold.targetId;
  const confirm = () =>
    modal.confirm({
      title: t('holds.releaseTitle', { name }),
      content: t('holds.releaseText'),
      okText: t('holds.release'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await release.mutateAsync(hold.id);
          message.success(t('holds.releasedDone'));
        } catch (err) {
          message.error(errorText(t, err));
        }
      },
    });
  return (
    <Button type="link" size="small" danger onClick={confirm} loading={release.isPending}>
      {t('holds.release')}
    </Button>
  );
}
