/** 审计日志: filters, a dense cursor-paged table with expandable diffs, and CSV export (needs audit.view). */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/use-can';
import { LoadError } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { errorText } from '../../lib/api/error-text';
import { AdminPanel } from './admin-panel';
import { useAuditPage } from './audit-api';
import { AuditExportButton } from './audit-export-button';
import { AuditFilters } from './audit-filters';
import type { AuditQuery } from './audit-query';
import { AuditTable } from './audit-table';

export function AuditPage() {
  return (
    <RequirePermission permission="audit.view">
      <AuditView />
    </RequirePermission>
  );
}

function AuditView() {
  const { t } = useTranslation('admin');
  const canExport = useCan('data.export');
  const [query, setQuery] = useState<AuditQuery>({});
  // The cursors of the pages already passed; the last one is the page on screen (undefined = first page).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useAuditPage(query, cursor);
  const nextCursor = page.data?.nextCursor ?? null;

  const apply = (next: AuditQuery) => {
    setQuery(next);
    setCursors([undefined]);
  };

  return (
    <AdminPanel
      title={t('audit.title')}
      subtitle={t('audit.subtitle')}
      extra={canExport ? <AuditExportButton query={query} /> : null}
    >
      <AuditFilters onApply={apply} />
      {page.error && !page.data ? (
        <LoadError error={page.error} onRetry={() => page.refetch()} />
      ) : (
        <>
          {page.error ? (
            <Alert type="error" showIcon title={errorText(t, page.error)} style={{ marginBottom: 8 }} />
          ) : null}
          <AuditTable entries={page.data?.items ?? []} loading={page.isFetching} />
          <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('audit.page', { page: cursors.length })}</Typography.Text>
            <Button
              icon={<LeftOutlined />}
              disabled={cursors.length <= 1 || page.isFetching}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t('audit.prev')}
            </Button>
            <Button
              disabled={!nextCursor || page.isFetching}
              onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
            >
              {t('audit.next')}
              <RightOutlined />
            </Button>
          </Flex>
        </>
      )}
    </AdminPanel>
  );
}
