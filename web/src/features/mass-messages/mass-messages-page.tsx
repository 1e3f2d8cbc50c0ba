/**
 * 客户群发: the member's own mass messages, the ones waiting for their approval or their
 * confirmation, the org's (for rule managers) and the rules; a drawer composes a new one.
 */
import { Button, Card, Drawer, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../app/auth/use-me';
import { RequirePermission } from '../../components/require-permission';
import { MassComposer } from './mass-composer';
import { MassMessageTable } from './mass-message-table';
import { MassSettingsForm } from './mass-settings-form';

export function MassMessagesPage() {
  return (
    <RequirePermission permission="mass_message.send">
      <MassMessagesView />
    </RequirePermission>
  );
}

function MassMessagesView() {
  const { t } = useTranslation('massMessages');
  const me = useMe().data;
  const [composing, setComposing] = useState(false);
  const [tab, setTab] = useState('mine');
  const items = [
    { key: 'mine', label: t('tabs.mine'), children: <MassMessageTable box="mine" /> },
    ...(can(me, 'mass_message.approve')
      ? [{ key: 'review', label: t('tabs.review'), children: <MassMessageTable box="review" /> }]
      : []),
    { key: 'confirm', label: t('tabs.confirm'), children: <MassMessageTable box="confirm" /> },
    ...(can(me, 'mass_message.manage')
      ? [
          { key: 'all', label: t('tabs.all'), children: <MassMessageTable box="all" /> },
          { key: 'settings', label: t('tabs.settings'), children: <MassSettingsForm /> },
        ]
      : []),
  ];
  return (
    <Card
      title={t('title')}
      extra={
        <Button type="primary" onClick={() => setComposing(true)}>
          {t('compose')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      <Drawer
        open={composing}
        onClose={() => setComposing(false)}
        title={t('composer.title')}
        size={640}
        destroyOnHidden
      >
        <MassComposer
          onDone={() => {
            setComposing(false);
            setTab('mine');
          }}
        />
      </Drawer>
    </Card>
  );
}
