/** Each recipient of a mass message: the customer (contact masked as the server decided), owner, status. */
import { Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../admin/format';
import type { Recipient } from './api';
import { statusColor } from './mass-logic';

export function RecipientTable({ recipients }: { recipients: Recipient[] }) {
  const { t } = useTranslation('massMessages');
  const columns: TableColumnsType<Recipient> = [
    { key: 'customer', title: t('detail.customer'), render: (_, r) => r.customer.name },
    { key: 'mobile', title: t('detail.mobile'), width: 140, render: (_, r) => r.customer.mobile ?? '' },
    { key: 'owner', title: t('detail.owner'), width: 120, render: (_, r) => r.owner.name },
    {
      key: 'status',
      title: t('detail.status'),
      width: 220,
      render: (_, r) => (
        <span data-testid={`recipient-status-${r.customer.id}`}>
          <Tag color={statusColor(r.status)}>{t(`recipientStatus.${r.status}`)}</Tag>
          {r.failReason ? t(`failReason.${r.failReason}`) : null}
        </span>
      ),
    },
    { key: 'sentAt', title: t('detail.sentAt'), width: 170, render: (_, r) => formatDateTime(r.sentAt) },
  ];
  return (
    <Table
      rowKey={(r) => r.customer.id}
      columns={columns}
      dataSource={recipients}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 760 }}
    />
  );
}
