/** The API token list: prefix, scopes as tags, who made it, when used and until when valid. */
import { Button, Table, type TableProps, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/page-state';
import { formatDate, formatDateTime } from './format';
import { permissionName } from './labels';
import { isSensitive } from './permission-groups';
import { tokenStatus } from './token-status';
import type { ApiToken } from './tokens-api';

const STATUS_COLOR = { active: 'success', expired: 'default', revoked: 'error' } as const;

export function ApiTokenTable({
  tokens,
  onRevoke,
  onCreate,
}: {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation('admin');
  const columns: TableProps<ApiToken>['columns'] = [
    { title: t('tokens.colName'), dataIndex: 'name', width: 160, ellipsis: true },
    {
      title: t('tokens.colPrefix'),
      dataIndex: 'prefix',
      width: 130,
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('tokens.colScopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {scopes.map((scope) => (
            <Tag key={scope} color={isSensitive(scope) ? 'warning' : undefined} style={{ marginInlineEnd: 0 }}>
              {permissionName(t, scope)}
            </Tag>
          ))}
        </div>
      ),
    },
    { title: t('tokens.colCreatedBy'), key: 'createdBy', width: 100, render: (_, token) => token.createdBy.name },
    { title: t('tokens.colCreated'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('tokens.colLastUsed'),
      dataIndex: 'lastUsedAt',
      width: 150,
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('tokens.never')}</Typography.Text>,
    },
    {
      title: t('tokens.colExpires'),
      dataIndex: 'expiresAt',
      width: 110,
      render: (v: string | null) =>
        v ? formatDate(v) : <Typography.Text type="secondary">{t('tokens.noExpiry')}</Typography.Text>,
    },
    {
      title: t('tokens.colStatus'),
      key: 'status',
      width: 90,
      render: (_, token) => {
        const status = tokenStatus(token);
        return <Tag color={STATUS_COLOR[status]}>{t(`tokens.${status}`)}</Tag>;
      },
    },
    {
      title: t('tokens.colActions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Button type="link" size="small" danger onClick={() => onRevoke(token)}>
            {t('tokens.revoke')}
          </Button>
        ),
    },
  ];
  return (
    <Table<ApiToken>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tokens}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{
        emptyText: (
          <EmptyState>
            <Button type="primary" onClick={onCreate}>
              {t('tokens.create')}
            </Button>
          </EmptyState>
        ),
      }}
      onRow={(token) => ({ 'data-testid': `api-token-row-${token.id}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
