/** The members of the selected department, a page at a time with 加载更多 (cursor pagination). */
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../../components/page-state';
import { type MemberListItem, type MemberListQuery, useMemberList } from '../api/queries';
import type { DepartmentRow } from '../lib/department-tree';
import { MemberStatusTag } from './member-status-tag';

type Props = {
  filter: Omit<MemberListQuery, 'limit' | 'cursor'>;
  departments: readonly DepartmentRow[];
  filtered: boolean;
};

export function MemberTable({ filter, departments, filtered }: Props) {
  const { t } = useTranslation('directory');
  const list = useMemberList(filter, Boolean(filter.departmentId));
  const names = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const columns: TableColumnsType<MemberListItem> = [
    {
      key: 'name',
      title: t('column.name'),
      fixed: 'left',
      width: 120,
      render: (_, m) => <Link to={`/directory/members/${m.id}`}>{m.name}</Link>,
    },
    { key: 'title', title: t('column.title'), width: 120, render: (_, m) => m.title ?? '' },
    {
      key: 'department',
      title: t('column.department'),
      width: 180,
      render: (_, m) =>
        [m.primaryDepartmentId, ...m.departmentIds.filter((d) => d !== m.primaryDepartmentId)]
          .map((id) => names.get(id))
          .filter(Boolean)
          .join(t('separator')),
    },
    { key: 'mobile', title: t('column.mobile'), width: 130, render: (_, m) => m.mobile ?? '' },
    {
      key: 'email',
      title: t('column.email'),
      width: 240,
      ellipsis: true,
      render: (_, m) => m.email ?? '',
    },
    { key: 'status', title: t('column.status'), width: 90, render: (_, m) => <MemberStatusTag status={m.status} /> },
  ];

  if (list.error && rows.length === 0) return <LoadError error={list.error} onRetry={() => list.refetch()} />;

  return (
    <>
      <Table<MemberListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
        pagination={false}
        scroll={{ x: 880 }}
        onRow={(m) => ({ 'data-testid': `member-row-${m.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: list.isLoading ? (
            ' '
          ) : (
            <EmptyState>{filtered ? t('list.noMatch') : t('list.noMembers')}</EmptyState>
          ),
        }}
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
