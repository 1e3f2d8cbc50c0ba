/**
 * The bell in the header: the unread count, the newest notifications in a popover (a click opens
 * what it is about and marks it read), and new ones arriving live from the console's socket.
 */
import { BellOutlined } from '@ant-design/icons';
import type { NotificationItem } from '@concord/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, List, Popover, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTime } from '../customers/lib/format';
import { useRealtime } from '../messages/realtime-context';
import { notificationKeys, useMarkRead, useNotifications } from './api';
import { notificationText } from './notification-text';

function useLiveNotifications(onNew: (n: NotificationItem) => void): void {
  const queryClient = useQueryClient();
  const { client, online } = useRealtime();
  const announce = useRef(onNew);
  announce.current = onNew;
  useEffect(() => {
    if (!client) return;
    return client.listen((frame) => {
      if (frame.type !== 'notification') return;
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      announce.current(frame.notification);
    });
  }, [client, queryClient]);
  // Notifications made while the socket was down were never pushed: fetch again when it is back.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    wasOnline.current = online;
  }, [online, queryClient]);
}

export function NotificationBell() {
  const { t, i18n } = useTranslation('notifications');
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const [open, setOpen] = useState(false);
  const page = useNotifications();
  const markRead = useMarkRead();
  const separator = i18n.language === 'en' ? ', ' : '、';
  const textOf = (n: NotificationItem) => {
    const { key, values } = notificationText(n, separator);
    return t(`kinds.${key}`, values);
  };
  useLiveNotifications((n) =>
    notification.info({
      title: t('newNotification'),
      description: textOf(n),
      placement: 'bottomRight',
      props: { 'data-testid': 'notification-toast' } as Record<string, string>,
    }),
  );

  const unread = page.data?.unreadCount ?? 0;
  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    setOpen(false);
    if (n.link) navigate(n.link);
  };

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      <List
        size="small"
        loading={page.isLoading}
        locale={{ emptyText: t('empty') }}
        dataSource={page.data?.items ?? []}
        renderItem={(n) => (
          <List.Item
            onClick={() => openItem(n)}
            style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
            data-testid="notification-item"
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{textOf(n)}</Typography.Text>}
              description={formatTime(n.createdAt, i18n.language)}
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('title')}</span>
          <Button size="small" type="link" disabled={unread === 0} onClick={() => markRead.mutate({ all: true })}>
            {t('markAllRead')}
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]} title={t('unread', { count: unread })}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('bell')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
