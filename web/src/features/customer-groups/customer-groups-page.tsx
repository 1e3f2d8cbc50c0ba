/**
 * 客户群: the customer groups the member is in (and, for supervisors, their people's), with head
 * counts; a group opens a drawer with its last 30 days and its keyword auto-replies.
 */
import { Card, Drawer, Statistic, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { EChart } from '../../lib/charts/echart';
import { type CustomerGroup, useCustomerGroups, useGroupStats } from './api';
import { AutoRepliesEditor } from './auto-replies-editor';
import { statsChartOption } from './stats-chart';

export function CustomerGroupsPage() {
  return (
    <RequirePermission permission="customer.serve">
      <CustomerGroupsView />
    </RequirePermission>
  );
}

function CustomerGroupsView() {
  const { t } = useTranslation('customerGroups');
  const groups = useCustomerGroups();
  const [open, setOpen] = useState<CustomerGroup | null>(null);
  const columns: TableColumnsType<CustomerGroup> = [
    { key: 'name', title: t('name'), render: (_, g) => <Typography.Link>{g.name}</Typography.Link> },
    { key: 'owner', title: t('owner'), width: 120, render: (_, g) => g.owner?.name ?? '' },
    { key: 'staff', title: t('staff'), width: 90, dataIndex: 'staffCount' },
    { key: 'customers', title: t('customers'), width: 90, dataIndex: 'customerCount' },
    { key: 'replies', title: t('autoReplies'), width: 100, dataIndex: 'autoReplyCount' },
  ];
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <QueryState query={groups}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>{t('empty')}</EmptyState>
          ) : (
            <Table
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              onRow={(g) =>
                ({
                  onClick: () => setOpen(g),
                  style: { cursor: 'pointer' },
                  'data-testid': `group-row-${g.id}`,
                }) as object
              }
            />
          )
        }
      </QueryState>
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open?.name} size={560} destroyOnHidden>
        {open ? (
          <Tabs
            items={[
              { key: 'stats', label: t('stats.title'), children: <GroupStatsView groupId={open.id} /> },
              {
                key: 'replies',
                label: t('replies.title'),
                children: <AutoRepliesEditor groupId={open.id} editable={open.manageable} />,
              },
            ]}
          />
        ) : null}
      </Drawer>
    </Card>
  );
}

function GroupStatsView({ groupId }: { groupId: string }) {
  const { t } = useTranslation('customerGroups');
  const stats = useGroupStats(groupId);
  return (
    <QueryState query={stats}>
      {(data) => (
        <>
          <div style={{ display: 'flex', gap: 24, marginBottom: 16 }} data-testid="group-totals">
            <Statistic title={t('stats.joins')} value={data.totals.joins} />
            <Statistic title={t('stats.leaves')} value={data.totals.leaves} />
            <Statistic title={t('stats.messages')} value={data.totals.messages} />
          </div>
          <EChart
            label={t('stats.chart')}
            style={{ height: 260 }}
            option={statsChartOption(data, {
              joins: t('stats.joins'),
              leaves: t('stats.leaves'),
              active: t('stats.active'),
            })}
          />
        </>
      )}
    </QueryState>
  );
}
