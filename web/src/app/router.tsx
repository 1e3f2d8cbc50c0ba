/**
 * Every page of the console and where it lives. Pages other than sign-in and messages load on
 * first visit (their own chunks), so the first screen does not wait for charts, exports and admin.
 */
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFound } from '../components/page-state';
import { LoginPage } from '../features/auth/login-page';
import { SetupPage } from '../features/auth/setup-page';
import { MessagesPage } from '../features/messages/messages-page';
import { RealtimeProvider } from '../features/messages/realtime-context';
import { AuthGate } from './auth/auth-gate';
import { AppLayout } from './layout/app-layout';

/** A route whose page module is fetched when the route is first matched. */
type PageLoader<K extends string> = () => Promise<Record<K, ComponentType>>;

function lazyPage<K extends string>(load: PageLoader<K>, name: K) {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  // Invite links open here in any browser: colleagues join with their account, visitors by email code.
  { path: '/join/:code', ...lazyPage(() => import('../features/guest/join-page'), 'JoinPage') },
  // A member's contact-me link: a visitor verifies their email and chats with the member.
  { path: '/contact/:code', ...lazyPage(() => import('../features/guest/contact-page'), 'ContactPage') },
  {
    path: '/',
    element: (
      <AuthGate>
        <RealtimeProvider>
          <AppLayout />
        </RealtimeProvider>
      </AuthGate>
    ),
    children: [
      { index: true, element: <Navigate to="/messages" replace /> },
      { path: 'messages', element: <MessagesPage /> },
      { path: 'messages/:conversationId', element: <MessagesPage /> },
      { path: 'directory', ...lazyPage(() => import('../features/directory/directory-page'), 'DirectoryPage') },
      {
        path: 'directory/members/:id',
        ...lazyPage(() => import('../features/directory/member-detail-page'), 'MemberDetailPage'),
      },
      { path: 'directory/import', ...lazyPage(() => import('../features/directory/import-page'), 'ImportPage') },
      { path: 'customers', ...lazyPage(() => import('../features/customers/customers-page'), 'CustomersPage') },
      {
        path: 'customers/duplicates',
        ...lazyPage(() => import('../features/customers/duplicates-page'), 'DuplicatesPage'),
      },
      {
        path: 'customers/settings',
        ...lazyPage(() => import('../features/customers/settings/customer-settings-page'), 'CustomerSettingsPage'),
      },
      {
        path: 'customers/transfers',
        ...lazyPage(() => import('../features/customers/transfers/transfers-page'), 'TransfersPage'),
      },
      {
        path: 'customers/groups',
        ...lazyPage(() => import('../features/customer-groups/customer-groups-page'), 'CustomerGroupsPage'),
      },
      {
        path: 'customers/posts',
        ...lazyPage(() => import('../features/customer-posts/customer-posts-page'), 'CustomerPostsPage'),
      },
      {
        path: 'customers/contact-links',
        ...lazyPage(() => import('../features/customers/contact-links/contact-links-page'), 'ContactLinksPage'),
      },
      {
        path: 'customers/analytics',
        ...lazyPage(() => import('../features/customers/analytics/analytics-page'), 'AnalyticsPage'),
      },
      {
        path: 'customers/mass-messages',
        ...lazyPage(() => import('../features/mass-messages/mass-messages-page'), 'MassMessagesPage'),
      },
      {
        path: 'customers/mass-messages/:id',
        ...lazyPage(() => import('../features/mass-messages/mass-message-detail-page'), 'MassMessageDetailPage'),
      },
      {
        path: 'customers/:id',
        ...lazyPage(() => import('../features/customers/customer-detail-page'), 'CustomerDetailPage'),
      },
      {
        path: 'archive',
        ...lazyPage(() => import('../features/archive-search/archive-search-page'), 'ArchiveSearchPage'),
      },
      {
        path: 'quick-replies',
        ...lazyPage(() => import('../features/quick-replies/quick-replies-page'), 'QuickRepliesPage'),
      },
      { path: 'admin/roles', ...lazyPage(() => import('../features/admin/roles-page'), 'RolesPage') },
      { path: 'admin/audit', ...lazyPage(() => import('../features/admin/audit-page'), 'AuditPage') },
      { path: 'admin/org', ...lazyPage(() => import('../features/admin/org-settings-page'), 'OrgSettingsPage') },
      { path: 'admin/archive', ...lazyPage(() => import('../features/admin/archive-page'), 'ArchivePage') },
      { path: 'admin/retention', ...lazyPage(() => import('../features/retention/retention-page'), 'RetentionPage') },
      {
        path: 'admin/compliance',
        ...lazyPage(() => import('../features/sensitive/compliance-page'), 'CompliancePage'),
      },
      { path: 'admin/alerts', ...lazyPage(() => import('../features/sensitive/alerts-page'), 'AlertsPage') },
      { path: 'admin/api-tokens', ...lazyPage(() => import('../features/admin/api-tokens-page'), 'ApiTokensPage') },
      { path: 'account', ...lazyPage(() => import('../features/auth/account-page'), 'AccountPage') },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
