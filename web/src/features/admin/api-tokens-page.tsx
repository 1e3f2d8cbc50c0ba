/** API 令牌: list, create (secret shown once) and revoke tokens (needs api_token.manage). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/page-state';
import { RequirePermission } from '../../components/require-permission';
import { errorText } from '../../lib/api/error-text';
import { AdminPanel } from './admin-panel';
import { ApiTokenTable } from './api-token-table';
import { CreateApiTokenModal } from './create-api-token-modal';
import { TokenRevealModal } from './token-reveal-modal';
import { type ApiToken, useApiTokens, useRevokeApiToken } from './tokens-api';

export function ApiTokensPage() {
  return (
    <RequirePermission permission="api_token.manage">
      <ApiTokensView />
    </RequirePermission>
  );
}

function ApiTokensView() {
  const { t } = useTranslation('admin');
  const { message, modal } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const confirmRevoke = (token: ApiToken) =>
    modal.confirm({
      title: t('tokens.revokeTitle', { name: token.name }),
      content: t('tokens.revokeText'),
      okText: t('tokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await revoke.mutateAsync(token.id);
          message.success(t('tokens.revokedDone'));
        } catch (err) {
          message.error(errorText(t, err));
        }
      },
    });

  return (
    <AdminPanel
      title={t('tokens.title')}
      subtitle={t('tokens.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <QueryState query={tokens}>
        {(data) => <ApiTokenTable tokens={data.items} onRevoke={confirmRevoke} onCreate={() => setCreating(true)} />}
      </QueryState>
      <CreateApiTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(value) => {
          setCreating(false);
          setCreated(value);
        }}
      />
      <TokenRevealModal created={created} onClose={() => setCreated(null)} />
    </AdminPanel>
  );
}
