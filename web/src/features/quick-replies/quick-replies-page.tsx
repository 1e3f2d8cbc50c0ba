/** 话术库: categories on the left, the replies of the chosen one on the right. */
import { Alert, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../app/auth/use-me';
import { QueryState } from '../../components/page-state';
import { useReplyCategories } from './api';
import { CategoryPanel } from './category-panel';
import { FileActions } from './file-actions';
import { ReplyTable } from './reply-table';

export function QuickRepliesPage() {
  const { t } = useTranslation('quickReplies');
  const manage = can(useMe().data, 'quick_reply.manage');
  const categories = useReplyCategories();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Card size="small">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('page.title')}
        </Typography.Title>
        {manage ? <FileActions /> : null}
      </div>
      <Typography.Paragraph type="secondary">{t('page.subtitle')}</Typography.Paragraph>
      {manage ? null : <Alert type="info" showIcon title={t('page.readOnly')} style={{ marginBottom: 12 }} />}
      <QueryState query={categories}>
        {(items) => (
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
            <div style={{ width: 220, flexShrink: 0, borderRight: '1px solid #f0f0f0', paddingRight: 12 }}>
              <CategoryPanel categories={items} selected={selected} onSelect={setSelected} manage={manage} />
            </div>
            <div style={{ flex: 1, minWidth: 0 }}>
              <ReplyTable category={items.find((c) => c.id === selected) ?? null} categories={items} manage={manage} />
            </div>
          </div>
        )}
      </QueryState>
    </Card>
  );
}
