/** 登录设备: where the member is signed in, with sign-out per device and for all other devices. */
import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../components/page-state';
import { api, unwrap } from '../../lib/api/client';
import { errorText } from '../../lib/api/error-text';
import { formatDateTime } from './format-time';
import { type MySession, SESSIONS_KEY, useMySessions } from './sessions-query';
import { describeUserAgent } from './user-agent';

export function SessionsSection() {
  const { t } = useTranslation('auth');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useMySessions();
  const refresh = () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });

  const revokeOne = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      message.success(t('sessions.signedOut'));
      void refresh();
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const revokeOthers = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/sessions/revoke-others')),
    onSuccess: (result) => {
      message.success(t('sessions.signedOutOthers', { count: result.revoked }));
      void refresh();
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const confirmRevokeOthers = () =>
    modal.confirm({
      title: t('sessions.signOutOthersTitle'),
      content: t('sessions.signOutOthersText'),
      okText: t('sessions.signOutOthers'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: () => revokeOthers.mutateAsync(),
    });

  const columns: TableColumnsType<MySession> = [
    {
      title: t('sessions.device'),
      key: 'device',
      width: 300,
      render: (_, row) => {
        const device = describeUserAgent(row.userAgent);
        return (
          <Space size={8} wrap={false} style={{ whiteSpace: 'nowrap' }}>
            {device?.mobile ? <MobileOutlined /> : <DesktopOutlined />}
            <Typography.Text title={row.userAgent ?? undefined}>
              {device?.label ?? t('sessions.unknownDevice')}
            </Typography.Text>
            {row.current ? (
              <Tag color="success" style={{ marginInlineEnd: 0 }}>
                {t('sessions.current')}
              </Tag>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('sessions.ip'),
      dataIndex: 'ip',
      width: 150,
      render: (ip: string | null) => ip ?? t('sessions.unknownIp'),
    },
    { title: t('sessions.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
    { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', width: 160, render: formatDateTime },
    {
      title: t('sessions.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, row) =>
        row.current ? null : (
          <Popconfirm
            title={t('sessions.signOutConfirm')}
            okText={t('sessions.signOut')}
            okButtonProps={{ danger: true, autoInsertSpace: false }}
            cancelText={t('common:action.cancel')}
            onConfirm={() => revokeOne.mutateAsync(row.id)}
          >
            <Button type="link" danger size="small" style={{ padding: 0 }} autoInsertSpace={false}>
              {t('sessions.signOut')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <QueryState query={sessions}>
      {(data) => {
        const rows = [...data.items].sort(
          (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
        );
        const others = rows.filter((row) => !row.current).length;
        return (
          <>
            <div
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                gap: 8,
                alignItems: 'center',
                justifyContent: 'space-between',
                marginBottom: 12,
              }}
            >
              <Typography.Text type="secondary">{t('sessions.intro')}</Typography.Text>
              {others > 0 ? (
                <Button danger onClick={confirmRevokeOthers} loading={revokeOthers.isPending}>
                  {t('sessions.signOutOthers')}
                </Button>
              ) : null}
            </div>
            <Table<MySession>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 870 }}
              onRow={(row) => ({ 'data-testid': `session-row-${row.id}` }) as HTMLAttributes<HTMLElement>}
              locale={{ emptyText: <EmptyState /> }}
              footer={
                others === 0
                  ? () => <Typography.Text type="secondary">{t('sessions.none')}</Typography.Text>
                  : undefined
              }
            />
          </>
        );
      }}
    </QueryState>
  );
}
