/** The customer list, a page at a time with 加载更多; rows can be selected for bulk tagging. */
import { Button, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, type Key, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../../components/page-state';
import { type Customer, type CustomerFilter, useCustomerList } from '../api';
import { formatTime } from '../lib/format';
import { CustomerTags } from './customer-tags';
import { StageTag } from './stage-tag';

type Props = {
  filter: CustomerFilter;
  filtered: boolean;
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  /** Extra trailing column, e.g. 恢复 in the bin. */
  action?: (customer: Customer) => ReactNode;
};

export function CustomerTable({ filter, filtered, selected, onSelect, action }: Props) {
  const { t, i18n } = useTranslation('customers');
  const list = useCustomerList(filter);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const masked = (text: string | null, c: Customer) =>
    c.contactMasked && text ? (
      <Tooltip title={t('list.masked')}>
        <span data-masked="true">{text}</span>
      </Tooltip>
    ) : (
      (text ?? '')
    );

  const columns: TableColumnsType<Customer> = [
    {
      key: 'name',
      title: t('field.name'),
      fixed: 'left',
      width: 130,
      render: (_, c) => <Link to={`/customers/${c.id}`}>{c.name}</Link>,
    },
    { key: 'company', title: t('field.company'), width: 160, ellipsis: true, render: (_, c) => c.company ?? '' },
    { key: 'mobile', title: t('field.mobile'), width: 130, render: (_, c) => masked(c.mobile, c) },
    { key: 'stage', title: t('field.stage'), width: 100, render: (_, c) => <StageTag stage={c.stage} /> },
    { key: 'tags', title: t('field.tags'), width: 220, render: (_, c) => <CustomerTags tags={c.tags} /> },
    { key: 'owner', title: t('field.owner'), width: 100, render: (_, c) => c.owner.name },
    {
      key: 'time',
      title: filter.deleted ? t('field.deletedAt') : t('field.updatedAt'),
      width: 150,
      render: (_, c) => formatTime(filter.deleted ? c.deletedAt : c.updatedAt, i18n.language),
    },
    ...(action ? [{ key: 'action', title: '', width: 90, render: (_: unknown, c: Customer) => action(c) }] : []),
  ];

  if (list.error && rows.length === 0) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const empty = filter.deleted ? t('list.binEmpty') : filtered ? t('list.noMatch') : t('list.noCustomers');

  return (
    <>
      <Table<Customer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
        pagination={false}
        scroll={{ x: 980 }}
        rowSelection={filter.deleted ? undefined : { selectedRowKeys: selected, onChange: onSelect }}
        onRow={(c) => ({ 'data-testid': `customer-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState>{empty}</EmptyState> }}
      />
      {rows.length > 0 ? (
        <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 12, padding: 12 }}>
          <Typography.Text type="secondary">{t('list.loaded', { count: rows.length })}</Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('list.noMore')}</Typography.Text>
          )}
        </div>
      ) : null}
    </>
  );
}
