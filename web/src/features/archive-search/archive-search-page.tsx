/**
 * 会话存档查询 (archive.view): search the archive in Chinese, English or both, filter by sender,
 * conversation, external contact and period, read the conversation around a hit, and export the
 * results or a conversation (with data.export). The server audits every search, view and export.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/use-can';
import { LoadError } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { errorText } from '../../lib/api/error-text';
import { AdminPanel } from '../admin/admin-panel';
import { type ArchiveHit, useArchiveHits } from './archive-search-api';
import { ConversationDrawer } from './conversation-drawer';
import { ExportMenu } from './export-menu';
import { HitList } from './hit-list';
import { SearchFilters } from './search-filters';
import { type ArchiveQuery, hasCriteria } from './search-query';

export function ArchiveSearchPage() {
  return (
    <RequirePermission permission="archive.view">
      <ArchiveSearchView />
    </RequirePermission>
  );
}

function ArchiveSearchView() {
  const { t } = useTranslation('archiveSearch');
  const canExport = useCan('data.export');
  const [filters, setFilters] = useState<Omit<ArchiveQuery, 'conversationId'>>({});
  const [conversation, setConversation] = useState<{ id: string; name: string } | null>(null);
  // The cursors of the pages already passed; the last one is the page on screen (undefined = first page).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [opened, setOpened] = useState<ArchiveHit | null>(null);
  const query: ArchiveQuery = conversation ? { ...filters, conversationId: conversation.id } : filters;
  const cursor = cursors[cursors.length - 1];
  const hits = useArchiveHits(query, cursor);
  const nextCursor = hits.data?.nextCursor ?? null;
  const searching = hasCriteria(query);

  const restart = () => setCursors([undefined]);

  return (
    <AdminPanel
      title={t('title')}
      subtitle={t('subtitle')}
      extra={canExport ? <ExportMenu target={{ query }} label={t('export.button')} disabled={!searching} /> : null}
    >
      <SearchFilters
        conversation={conversation}
        onClearConversation={() => {
          setConversation(null);
          restart();
        }}
        onApply={(next) => {
          setFilters(next);
          restart();
        }}
      />
      {!searching ? (
        <Empty description={t('results.idle')} />
      ) : hits.error && !hits.data ? (
        <LoadError error={hits.error} onRetry={() => hits.refetch()} />
      ) : (
        <>
          {hits.error ? (
            <Alert type="error" showIcon title={errorText(t, hits.error)} style={{ marginBottom: 8 }} />
          ) : null}
          <HitList
            hits={hits.data?.items ?? []}
            loading={hits.isFetching}
            onOpen={setOpened}
            onOnlyConversation={(c) => {
              setConversation({ id: c.id, name: c.name || t(`kind.${c.kind}`) });
              restart();
            }}
          />
          <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">
              {t('results.page', { page: cursors.length })} ·{' '}
              {t('results.count', { count: hits.data?.items.length ?? 0 })}
            </Typography.Text>
            <Button
              icon={<LeftOutlined />}
              disabled={cursors.length <= 1 || hits.isFetching}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t('results.prev')}
            </Button>
            <Button
              disabled={!nextCursor || hits.isFetching}
              onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
            >
              {t('results.next')}
              <RightOutlined />
            </Button>
          </Flex>
        </>
      )}
      <ConversationDrawer hit={opened} q={filters.q ?? ''} onClose={() => setOpened(null)} />
    </AdminPanel>
  );
}
