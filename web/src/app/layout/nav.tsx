/** The left navigation: one entry per area, shown only to members who may open it. */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CommentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  KeyOutlined,
  MessageOutlined,
  NotificationOutlined,
  PictureOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  SnippetsOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavItem = {
  key: string;
  path?: string;
  /** Key in the `common` namespace, or `namespace:key` for an area with its own texts. */
  label: string;
  icon?: ReactNode;
  permission?: string;
  children?: NavItem[];
};

export const NAV: NavItem[] = [
  { key: 'messages', path: '/messages', label: 'nav.messages', icon: <MessageOutlined /> },
  {
    key: 'directory',
    path: '/directory',
    label: 'nav.directory',
    icon: <ApartmentOutlined />,
    permission: 'member.view',
  },
  {
    key: 'customers',
    path: '/customers',
    label: 'customers:nav.customers',
    icon: <TeamOutlined />,
    permission: 'customer.serve',
  },
  {
    key: 'customer-analytics',
    path: '/customers/analytics',
    label: 'customerAnalytics:nav',
    icon: <BarChartOutlined />,
    permission: 'customer.serve',
  },
  {
    key: 'customer-groups',
    path: '/customers/groups',
    label: 'customerGroups:nav',
    icon: <CommentOutlined />,
    permission: 'customer.serve',
  },
  {
    key: 'customer-posts',
    path: '/customers/posts',
    label: 'customerPosts:nav',
    icon: <PictureOutlined />,
    permission: 'customer.serve',
  },
  {
    key: 'mass-messages',
    path: '/customers/mass-messages',
    label: 'massMessages:nav',
    icon: <NotificationOutlined />,
    permission: 'mass_message.send',
  },
  {
    key: 'quick-replies',
    path: '/quick-replies',
    label: 'quickReplies:nav.quickReplies',
    icon: <SnippetsOutlined />,
    permission: 'customer.serve',
  },
  {
    key: 'archive-search',
    path: '/archive',
    label: 'nav.archiveSearch',
    icon: <FileSearchOutlined />,
    permission: 'archive.view',
  },
  {
    key: 'admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    children: [
      { key: 'roles', path: '/admin/roles', label: 'nav.roles', icon: <SafetyOutlined />, permission: 'role.manage' },
      { key: 'audit', path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.view' },
      { key: 'org', path: '/admin/org', label: 'nav.org', icon: <SettingOutlined />, permission: 'org.manage' },
      {
        key: 'archive',
        path: '/admin/archive',
        label: 'nav.archive',
        icon: <FileProtectOutlined />,
        permission: 'archive.manage',
      },
      {
        key: 'retention',
        path: '/admin/retention',
        label: 'nav.retention',
        icon: <HistoryOutlined />,
        permission: 'archive.manage',
      },
      {
        key: 'compliance',
        path: '/admin/compliance',
        label: 'nav.compliance',
        icon: <SafetyCertificateOutlined />,
        permission: 'archive.manage',
      },
      {
        key: 'alerts',
        path: '/admin/alerts',
        label: 'nav.alerts',
        icon: <AlertOutlined />,
        permission: 'archive.view',
      },
      {
        key: 'customer-settings',
        path: '/customers/settings',
        label: 'customers:nav.settings',
        icon: <TagsOutlined />,
        permission: 'customer.manage',
      },
      {
        key: 'api-tokens',
        path: '/admin/api-tokens',
        label: 'nav.apiTokens',
        icon: <KeyOutlined />,
        permission: 'api_token.manage',
      },
    ],
  },
];

/** The items a member may see: leaves they hold the permission for, groups with a visible child. */
export function visibleNav(items: NavItem[], holds: (permission: string) => boolean): NavItem[] {
  return items.flatMap((item) => {
    if (item.children) {
      const children = visibleNav(item.children, holds);
      return children.length > 0 ? [{ ...item, children }] : [];
    }
    return !item.permission || holds(item.permission) ? [item] : [];
  });
}

/** The nav key whose path is the longest prefix of the current location. */
export function selectedNavKey(items: NavItem[], pathname: string): string | undefined {
  let best: { key: string; length: number } | undefined;
  const visit = (list: NavItem[]) => {
    for (const item of list) {
      if (item.path && (pathname === item.path || pathname.startsWith(`${item.path}/`))) {
        if (!best || item.path.length > best.length) best = { key: item.key, length: item.path.length };
      }
      if (item.children) visit(item.children);
    }
  };
  visit(items);
  return best?.key;
}
