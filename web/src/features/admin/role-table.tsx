/** The role list: name with 系统内置 tag, data scope, permission and member counts, two-factor flag. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/page-state';
import { scopeName } from './labels';
import type { Role } from './roles-api';

export function RoleTable({
  roles,
  onEdit,
  onDelete,
}: {
  roles: Role[];
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
}) {
  const { t } = useTranslation('admin');
  const columns: TableProps<Role>['columns'] = [
    {
      title: t('roles.colName'),
      key: 'name',
      render: (_, role) => (
        <div style={{ minWidth: 0 }}>
          <Space size={6} wrap>
            <Button type="link" size="small" onClick={() => onEdit(role)} style={{ padding: 0, fontWeight: 600 }}>
              {role.name}
            </Button>
            {role.builtinKey ? <Tag color="blue">{t('roles.builtin')}</Tag> : null}
          </Space>
          {role.description ? (
            <Typography.Paragraph type="secondary" ellipsis style={{ margin: 0, fontSize: 12, maxWidth: 360 }}>
              {role.description}
            </Typography.Paragraph>
          ) : null}
        </div>
      ),
    },
    { title: t('roles.colScope'), key: 'scope', width: 160, render: (_, role) => scopeName(t, role.dataScope) },
    {
      title: t('roles.colPermissions'),
      key: 'permissions',
      width: 90,
      align: 'right',
      render: (_, role) => t('roles.permissionCount', { count: role.permissions.length }),
    },
    { title: t('roles.colMembers'), dataIndex: 'memberCount', width: 80, align: 'right' },
    {
      title: t('roles.colTotp'),
      key: 'totp',
      width: 130,
      render: (_, role) =>
        role.requireTotp ? (
          <Tag icon={<SafetyCertificateOutlined />} color="orange">
            {t('roles.totpRequired')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('roles.totpNotRequired')}</Typography.Text>
        ),
    },
    {
      title: t('roles.colActions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, role) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => onEdit(role)}>
            {t('common:action.edit')}
          </Button>
          {role.builtinKey ? null : (
            <Button type="link" size="small" danger onClick={() => onDelete(role)}>
              {t('common:action.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<Role>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={roles}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState /> }}
      onRow={(role) => ({ 'data-testid': `role-row-${role.id}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
