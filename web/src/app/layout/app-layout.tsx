/** The shell around every signed-in page: left navigation, top bar with org, language and member menu. */
import { GlobalOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useUnreadTotal } from '../../features/messages/api';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { useNewAlertCount } from '../../features/sensitive/api';
import { LiveAlerts } from '../../features/sensitive/live-alerts';
import { api } from '../../lib/api/client';
import { setToken } from '../auth/token-store';
import { can, useMe } from '../auth/use-me';
import { rememberLanguage } from '../i18n/setup-i18n';
import { NAV, type NavItem, selectedNavKey, visibleNav } from './nav';

/** Counts shown beside nav entries (消息: unread messages; 敏感内容告警: alerts to review), by nav key. */
type NavBadges = Record<string, { count: number; label: string }>;

function toMenuItems(
  items: NavItem[],
  t: (key: string) => string,
  badges: NavBadges = {},
  collapsed = false,
): MenuProps['items'] {
  return items.map((item) => {
    const badge = badges[item.key];
    return {
      key: item.key,
      // A collapsed menu shows only icons: the count becomes a dot on the icon.
      icon:
        collapsed && badge && badge.count > 0 ? (
          <Badge dot offset={[-1, 5]} title={badge.label}>
            {item.icon}
          </Badge>
        ) : (
          item.icon
        ),
      label:
        badge && badge.count > 0 ? (
          <span style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
            {t(item.label)}
            <Badge
              count={badge.count}
              overflowCount={99}
              size="small"
              title={badge.label}
              data-testid={`nav-badge-${item.key}`}
            />
          </span>
        ) : (
          t(item.label)
        ),
      children: item.children ? toMenuItems(item.children, t, badges, collapsed) : undefined,
    };
  });
}

function findPath(items: NavItem[], key: string): string | undefined {
  for (const item of items) {
    if (item.key === key) return item.path;
    const inChild = item.children && findPath(item.children, key);
    if (inChild) return inChild;
  }
  return undefined;
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Controlled so a collapsed menu never pops its groups over the page.
  const [openKeys, setOpenKeys] = useState<string[]>(['admin']);
  const items = visibleNav(NAV, (p) => can(me, p));
  const selected = selectedNavKey(items, location.pathname);
  // On the messages page its live feed keeps the count current; elsewhere the count polls.
  const unread = useUnreadTotal(selected !== 'messages');
  // Auditors get alerts live on every page, and the count of those waiting for review.
  const seesAlerts = can(me, 'archive.view');
  const newAlerts = useNewAlertCount(seesAlerts);
  const badges: NavBadges = {
    messages: { count: unread, label: t('messages:unreadBadge', { count: unread }) },
    alerts: { count: newAlerts, label: t('sensitive:live.badge', { count: newAlerts }) },
  };

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    setToken(null);
    queryClient.clear();
    navigate('/login');
  };
  const switchLanguage = (language: 'zh-CN' | 'en') => {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  };

  const menu = (isCollapsed: boolean) => (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      openKeys={isCollapsed ? [] : openKeys}
      onOpenChange={setOpenKeys}
      items={toMenuItems(items, t, badges, isCollapsed)}
      onClick={({ key }) => {
        const path = findPath(items, key);
        if (path) navigate(path);
        setDrawerOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={t('appName')}
          styles={{ body: { padding: 0 } }}
        >
          {menu(false)}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          width={208}
          collapsedWidth={64}
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px', fontWeight: 600 }}>
            {collapsed ? 'C' : t('appName')}
          </div>
          {menu(collapsed)}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            {narrow ? (
              <Badge dot={unread > 0 || newAlerts > 0} offset={[-6, 6]}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  onClick={() => setDrawerOpen(true)}
                  aria-label={t('header.menu')}
                  data-testid="nav-toggle"
                />
              </Badge>
            ) : null}
            <Typography.Text strong ellipsis data-testid="org-name">
              {me?.org.name}
            </Typography.Text>
          </div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <NotificationBell />
            <Dropdown
              menu={{
                selectedKeys: [i18n.language],
                items: [
                  { key: 'zh-CN', label: '简体中文' },
                  { key: 'en', label: 'English' },
                ],
                onClick: ({ key }) => switchLanguage(key as 'zh-CN' | 'en'),
              }}
            >
              <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')}>
                {narrow ? null : i18n.language === 'en' ? 'English' : '简体中文'}
              </Button>
            </Dropdown>
            <Dropdown
              menu={{
                items: [
                  { key: 'account', icon: <UserOutlined />, label: t('header.account') },
                  { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut') },
                ],
                onClick: ({ key }) => (key === 'sign-out' ? void signOut() : navigate('/account')),
              }}
            >
              <Button type="text" data-testid="member-menu">
                <Avatar size="small" style={{ background: '#1677ff' }}>
                  {me?.member.name.slice(-2)}
                </Avatar>
                {narrow ? null : <span style={{ marginLeft: 8 }}>{me?.member.name}</span>}
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 16 }}>
          <Outlet />
        </Layout.Content>
        {seesAlerts ? <LiveAlerts /> : null}
      </Layout>
    </Layout>
  );
}
