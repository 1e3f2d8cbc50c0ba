/** 客户设置: customer tags (org-wide and personal), the stage pipeline, custom fields and response-time targets. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../../app/auth/use-me';
import { RequirePermission } from '../../../components/require-permission';
import { FieldsTab } from './fields-tab';
import { ResponseTimeTab } from './response-time-tab';
import { StagesTab } from './stages-tab';
import { TagsTab } from './tags-tab';

export function CustomerSettingsPage() {
  return (
    <RequirePermission permission="customer.serve">
      <SettingsView />
    </RequirePermission>
  );
}

function SettingsView() {
  const { t } = useTranslation('customers');
  const manage = can(useMe().data, 'customer.manage');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/customers">
        <ArrowLeftOutlined /> {t('detail.back')}
      </Link>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('settings.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('settings.subtitle')}</Typography.Paragraph>
        {manage ? null : <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 12 }} />}
        <Tabs
          items={[
            { key: 'tags', label: t('settings.tabTags'), children: <TagsTab manage={manage} /> },
            { key: 'stages', label: t('settings.tabStages'), children: <StagesTab manage={manage} /> },
            { key: 'fields', label: t('settings.tabFields'), children: <FieldsTab manage={manage} /> },
            { key: 'response', label: t('response.tab'), children: <ResponseTimeTab manage={manage} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
