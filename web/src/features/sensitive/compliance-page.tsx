/** 敏感词规则 (archive.manage): rules, lexicons and a box to test a text against them. */
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { RequirePermission } from '../../components/require-permission';
import { AdminPanel } from '../admin/admin-panel';
import { LexiconsTab } from './lexicons-tab';
import { RulesTab } from './rules-tab';
import { TestTextPanel } from './test-text-panel';

export function CompliancePage() {
  return (
    <RequirePermission permission="archive.manage">
      <ComplianceView />
    </RequirePermission>
  );
}

function ComplianceView() {
  const { t } = useTranslation('sensitive');
  return (
    <AdminPanel title={t('page.title')} subtitle={t('page.subtitle')}>
      <Tabs
        destroyOnHidden={false}
        items={[
          { key: 'rules', label: t('page.tabRules'), children: <RulesTab /> },
          { key: 'lexicons', label: t('page.tabLexicons'), children: <LexiconsTab /> },
          { key: 'test', label: t('page.tabTest'), children: <TestTextPanel /> },
        ]}
      />
    </AdminPanel>
  );
}
