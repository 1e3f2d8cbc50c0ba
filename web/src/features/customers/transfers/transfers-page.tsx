/**
 * 转接记录: transfers from or to the members in the viewer's scope, filtered by status and kind.
 * A waiting one can be declined on the customer's behalf (one without a chat, or who said so by phone).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useMe } from '../../../app/auth/use-me';
import { EmptyState, LoadError } from '../../../components/page-state';
import { RequirePermission } from '../../../components/require-permission';
import { api, unwrap } from '../../../lib/api/client';
import { invalidateCustomers } from '../api';
import { formatTime } from '../lib/format';
import { type Transfer, type TransferFilter, transferErrorText, useTransfers } from './transfer-api';
import { TransferStatusTag } from './transfer-status-tag';

const STATUSES = ['waiting', 'done', 'declined', 'refused', 'cancelled'] as const;
const KINDS = ['on_the_job', 'departure'] as const;

export function TransfersPage() {
  return (
    <RequirePermission permission="customer.serve">
      <TransfersView />
    </RequirePermission>
  );
}

function TransfersView() {
  const { t, i18n } = useTranslation('customers');
  const me = useMe().data;
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [filter, setFilter] = useState<TransferFilter>({});
  const list = useTransfers(filter);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const decline = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/customer-transfers/{id}/decline', { params: { path: { id } } })),
    onSuccess: async () => {
      await invalidateCustomers(client);
      message.success(t('transfer.declined'));
    },
    onError: (err) => {
      message.error(transferErrorText(t, err));
    },
  });
  const confirmDecline = (r: Transfer) =>
    modal.confirm({
      title: t('transfer.decline'),
      content: t('transfer.declineConfirm', { name: r.from.name }),
      cancelText: t('common:action.cancel'),
      onOk: () => decline.mutateAsync(r.id).catch(() => undefined),
    });

  const columns: TableColumnsType<Transfer> = [
    { key: 'customer', title: t('transfer.customer'), width: 130, render: (_, r) => r.customer.name },
    { key: 'from', title: t('transfer.from'), width: 100, render: (_, r) => r.from.name },
    { key: 'to', title: t('transfer.to'), width: 100, render: (_, r) => r.to.name },
    { key: 'kind', title: t('transfer.kind'), width: 100, render: (_, r) => t(`transfer.kindName.${r.kind}`) },
    {
      key: 'status',
      title: t('transfer.status'),
      width: 110,
      render: (_, r) => <TransferStatusTag status={r.status} />,
    },
    {
      key: 'reason',
      title: t('transfer.reasonCol'),
      width: 200,
      render: (_, r) => (r.reason ? t(`transfer.reason.${r.reason}`, { defaultValue: r.reason }) : ''),
    },
    {
      key: 'notice',
      title: t('transfer.notice'),
      width: 100,
      render: (_, r) => (
        <Typography.Text type={r.notice.status === 'delivered' ? undefined : 'secondary'}>
          {t(`transfer.noticeName.${r.notice.status}`)}
        </Typography.Text>
      ),
    },
    {
      key: 'at',
      title: t('transfer.requestedAt'),
      width: 150,
      render: (_, r) => formatTime(r.requestedAt, i18n.language),
    },
    {
      key: 'decideBy',
      title: t('transfer.decideBy'),
      width: 150,
      render: (_, r) => (r.status === 'waiting' && r.decideBy ? formatTime(r.decideBy, i18n.language) : ''),
    },
    {
      key: 'action',
      title: '',
      width: 110,
      render: (_, r) =>
        r.status === 'waiting' && can(me, 'customer.view') ? (
          <Button size="small" onClick={() => confirmDecline(r)}>
            {t('transfer.decline')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card size="small" styles={{ body: { padding: 16 } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto' }}>
          {t('transfer.records')}
        </Typography.Title>
        <Button onClick={() => navigate('/customers')}>{t('list.backToList')}</Button>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('transfer.status')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('transfer.allStatuses')}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
          options={STATUSES.map((s) => ({ value: s, label: t(`transfer.statusName.${s}`) }))}
        />
        <Select
          aria-label={t('transfer.kind')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('transfer.allKinds')}
          value={filter.kind}
          onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
          options={KINDS.map((k) => ({ value: k, label: t(`transfer.kindName.${k}`) }))}
        />
      </Space>
      {list.error && rows.length === 0 ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <Table<Transfer>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={list.isLoading}
            pagination={false}
            scroll={{ x: 1150 }}
            onRow={(r) => ({ 'data-testid': `transfer-row-${r.customer.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: list.isLoading ? ' ' : <EmptyState>{t('transfer.empty')}</EmptyState> }}
          />
          {list.hasNextPage ? (
            <div style={{ display: 'flex', justifyContent: 'center', padding: 12 }}>
              <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('list.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
