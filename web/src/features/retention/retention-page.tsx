/**
 * 保留与保全 (archive.manage): how long archived content is kept (org-wide and per department),
 * purging now with a report of what went, and legal holds that keep people and conversations.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { AdminPanel } from '../admin/admin-panel';
import { HoldsTable } from './holds-table';
import { NewHoldModal } from './new-hold-modal';
import { PurgeSection } from './purge-section';
import { useHolds, useRetention } from './retention-api';
import { RetentionForm } from './retention-form';

export function RetentionPage() {
  return (
    <RequirePermission permission="archive.manage">
      <RetentionView />
    </RequirePermission>
  );
}

function RetentionView() {
  const { t } = useTranslation('retention');
  const policy = useRetention();
  return (
    <AdminPanel title={t('page.title')} subtitle={t('page.subtitle')}>
      <Typography.Title level={5}>{t('policy.title')}</Typography.Title>
      <QueryState query={policy}>{(data) => <RetentionForm key={JSON.stringify(data)} initial={data} />}</QueryState>
      <Divider />
      <PurgeSection />
      <Divider />
      <HoldsSection />
    </AdminPanel>
  );
}

function HoldsSection() {
  const { t } = useTranslation('retention');
  const holds = useHolds();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('holds.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('holds.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '4px 0 12px' }}>
        {t('holds.help')}
      </Typography.Paragraph>
      {holds.error && !holds.data ? (
        <LoadError error={holds.error} onRetry={() => holds.refetch()} />
      ) : (
        <HoldsTable holds={holds.data?.items ?? []} loading={holds.isLoading} />
      )}
      <NewHoldModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
