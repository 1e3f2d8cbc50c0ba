/** Every page of the console and where it lives. */
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFound } from '../components/page-state';
import { ApiTokensPage } from '../features/admin/api-tokens-page';
import { ArchivePage } from '../features/admin/archive-page';
import { AuditPage } from '../features/admin/audit-page';
import { OrgSettingsPage } from '../features/admin/org-settings-page';
import { RolesPage } from '../features/admin/roles-page';
import { ArchiveSearchPage } from '../features/archive-search/archive-search-page';
import { AccountPage } from '../features/auth/account-page';
import { LoginPage } from '../features/auth/login-page';
import { SetupPage } from '../features/auth/setup-page';
import { CustomerGroupsPage } from '../features/customer-groups/customer-groups-page';
import { AnalyticsPage } from '../features/customers/analytics/analytics-page';
import { ContactLinksPage } from '../features/customers/contact-links/contact-links-page';
import { CustomerDetailPage } from '../features/customers/customer-detail-page';
import { CustomersPage } from '../features/customers/customers-page';
import { DuplicatesPage } from '../features/customers/duplicates-page';
import { CustomerSettingsPage } from '../features/customers/settings/customer-settings-page';
import { TransfersPage } from '../features/customers/transfers/transfers-page';
import { DirectoryPage } from '../features/directory/directory-page';
import { ImportPage } from '../features/directory/import-page';
import { MemberDetailPage } from '../features/directory/member-detail-page';
import { ContactPage } from '../features/guest/contact-page';
import { JoinPage } from '../features/guest/join-page';
import { MessagesPage } from '../features/messages/messages-page';
import { RealtimeProvider } from '../features/messages/realtime-context';
import { QuickRepliesPage } from '../features/quick-replies/quick-replies-page';
import { RetentionPage } from '../features/retention/retention-page';
import { AlertsPage } from '../features/sensitive/alerts-page';
import { CompliancePage } from '../features/sensitive/compliance-page';
import { AuthGate } from './auth/auth-gate';
import { AppLayout } from './layout/app-layout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  // Invite links open here in any browser: colleagues join with their account, visitors by email code.
  { path: '/join/:code', element: <JoinPage /> },
  // A member's contact-me link: a visitor verifies their email and chats with the member.
  { path: '/contact/:code', element: <ContactPage /> },
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
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'directory/members/:id', element: <MemberDetailPage /> },
      { path: 'directory/import', element: <ImportPage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/duplicates', element: <DuplicatesPage /> },
      { path: 'customers/settings', element: <CustomerSettingsPage /> },
      { path: 'customers/transfers', element: <TransfersPage /> },
      { path: 'customers/groups', element: <CustomerGroupsPage /> },
      { path: 'customers/contact-links', element: <ContactLinksPage /> },
      { path: 'customers/analytics', element: <AnalyticsPage /> },
      { path: 'customers/:id', element: <CustomerDetailPage /> },
      { path: 'archive', element: <ArchiveSearchPage /> },
      { path: 'quick-replies', element: <QuickRepliesPage /> },
      { path: 'admin/roles', element: <RolesPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'admin/org', element: <OrgSettingsPage /> },
      { path: 'admin/archive', element: <ArchivePage /> },
      { path: 'admin/retention', element: <RetentionPage /> },
      { path: 'admin/compliance', element: <CompliancePage /> },
      { path: 'admin/alerts', element: <AlertsPage /> },
      { path: 'admin/api-tokens', element: <ApiTokensPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
