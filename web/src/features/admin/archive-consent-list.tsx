/** 同意情况: each member's acceptance and each external participant's answer, filtered by type and status. */
import { Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/page-state';
import { type ConsentFilter, type ConsentItem, useConsentList } from './archive-consent-api';
import { formatDateTime } from './format';

const PAGE = 20;
const STATUS_COLOR: Record<ConsentItem['status'], string> = {
  accepted: 'green',
  agreed: 'green',
  outdated: 'orange',
  pending: 'default',
  not_asked: 'default',
  declined: 'red',
};
const MEMBER_STATUSES = ['accepted', 'outdated', 'pending'] as const;
const GUEST_STATUSES = ['agreed', 'declined', 'not_asked'] as const;

export function ArchiveConsentList() {
  const { t } = useTranslation('consent');
  const [filter, setFilter] = useState<ConsentFilter>({ limit: PAGE, offset: 0 });
  const list = useConsentList(filter);
  const statuses =
    filter.kind === 'member'
      ? MEMBER_STATUSES
      : filter.kind === 'guest'
        ? GUEST_STATUSES
        : [...MEMBER_STATUSES, ...GUEST_STATUSES];

  const columns: TableProps<ConsentItem>['columns'] = [
    {
      title: t('admin.name'),
      key: 'name',
      render: (_, item) => (
        <Space size={6}>
          {item.subject.name}
          {item.subject.kind === 'guest' ? <Tag color="orange">{t('admin.kindGuest')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('admin.conversation'), key: 'conversation', render: (_, item) => item.conversation?.name ?? '' },
    {
      title: t('admin.status'),
      key: 'status',
      render: (_, item) => <Tag color={STATUS_COLOR[item.status]}>{t(`admin.statuses.${item.status}`)}</Tag>,
    },
    { title: t('admin.noticeVersion'), key: 'version', render: (_, item) => item.noticeVersion ?? '' },
    { title: t('admin.at'), key: 'at', render: (_, item) => formatDateTime(item.at) },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('admin.kind')}
          style={{ width: 160 }}
          value={filter.kind ?? 'all'}
          onChange={(kind) =>
            setFilter({ limit: PAGE, offset: 0, ...(kind === 'all' ? {} : { kind: kind as ConsentFilter['kind'] }) })
          }
          options={[
            { value: 'all', label: t('admin.allKinds') },
            { value: 'member', label: t('admin.kindMember') },
            { value: 'guest', label: t('admin.kindGuest') },
          ]}
        />
        <Select
          aria-label={t('admin.status')}
          style={{ width: 160 }}
          value={filter.status ?? 'all'}
          onChange={(status) => {
            const { status: _old, ...rest } = filter;
            setFilter({
              ...rest,
              offset: 0,
              ...(status === 'all' ? {} : { status: status as ConsentFilter['status'] }),
            });
          }}
          options={[
            { value: 'all', label: t('admin.allStatuses') },
            ...statuses.map((s) => ({ value: s, label: t(`admin.statuses.${s}`) })),
          ]}
        />
        {list.data ? (
          <Typography.Text type="secondary">{t('admin.total', { count: list.data.total })}</Typography.Text>
        ) : null}
      </Space>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<ConsentItem>
          data-testid="archive-consent-list"
          rowKey={(item) => item.subject.id}
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: filter.offset / PAGE + 1,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setFilter({ ...filter, offset: (page - 1) * PAGE }),
          }}
        />
      )}
    </>
  );
}
