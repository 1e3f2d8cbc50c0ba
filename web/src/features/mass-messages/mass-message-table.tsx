/** The list of mass messages with their status and totals; a row opens the message. */
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState, QueryState } from '../../components/page-state';
import { formatDateTime } from '../admin/format';
import { type MassBox, type MassMessage, useMassMessages } from './api';
import { statusColor } from './mass-logic';

export function MassMessageTable({ box }: { box: MassBox }) {
  const { t } = useTranslation('massMessages');
  const navigate = useNavigate();
  const list = useMassMessages(box);
  const columns: TableColumnsType<MassMessage> = [
    {
      key: 'text',
      title: t('col.text'),
      render: (_, m) => (
        <Typography.Link ellipsis style={{ maxWidth: 320 }}>
          {m.text}
        </Typography.Link>
      ),
    },
    { key: 'author', title: t('col.author'), width: 110, render: (_, m) => m.author.name },
    {
      key: 'status',
      title: t('col.status'),
      width: 150,
      render: (_, m) => <Tag color={statusColor(m.status)}>{t(`status.${m.status}`)}</Tag>,
    },
    { key: 'recipients', title: t('col.recipients'), width: 80, render: (_, m) => m.totals.recipients },
    { key: 'sent', title: t('col.sent'), width: 80, render: (_, m) => m.totals.sent },
    { key: 'read', title: t('col.read'), width: 80, render: (_, m) => m.totals.read },
    { key: 'failed', title: t('col.failed'), width: 80, render: (_, m) => m.totals.failed },
    { key: 'createdAt', title: t('col.createdAt'), width: 170, render: (_, m) => formatDateTime(m.createdAt) },
  ];
  return (
    <QueryState query={list}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <Table
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 900 }}
            onRow={(m) =>
              ({
                onClick: () => navigate(`/customers/mass-messages/${m.id}`),
                style: { cursor: 'pointer' },
                'data-testid': `mass-row-${m.id}`,
              }) as object
            }
          />
        )
      }
    </QueryState>
  );
}
