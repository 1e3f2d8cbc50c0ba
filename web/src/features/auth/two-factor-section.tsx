/** 两步验证: status, turning it on (QR code + first code) and off (password). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY, type Me } from '../../app/auth/use-me';
import { api, unwrap } from '../../lib/api/client';
import { errorText } from '../../lib/api/error-text';
import { TotpDisableModal } from './totp-disable-modal';
import { TotpEnablePanel } from './totp-enable-panel';

type Props = { me: Me; onEnabled: () => void };

export function TwoFactorSection({ me, onEnabled }: Props) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [disabling, setDisabling] = useState(false);
  const setup = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/totp/setup')) });

  const afterEnable = async () => {
    setup.reset();
    message.success(t('twoFactor.enabled'));
    await queryClient.refetchQueries({ queryKey: ME_KEY, exact: true });
    onEnabled();
  };
  const afterDisable = () => {
    setDisabling(false);
    message.success(t('twoFactor.disabled'));
    void queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true });
  };

  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 720 }}>
        {t('twoFactor.intro')}
      </Typography.Paragraph>
      <Space size={12} wrap style={{ marginBottom: 16 }}>
        <SafetyCertificateOutlined style={{ fontSize: 20, color: me.totpEnabled ? '#52c41a' : '#bfbfbf' }} />
        <Typography.Text>{t('twoFactor.status')}</Typography.Text>
        {me.totpEnabled ? (
          <Tag color="success" data-testid="totp-status">
            {t('twoFactor.on')}
          </Tag>
        ) : (
          <Tag data-testid="totp-status">{t('twoFactor.off')}</Tag>
        )}
        {me.totpEnabled ? (
          <Button danger onClick={() => setDisabling(true)}>
            {t('twoFactor.disable')}
          </Button>
        ) : setup.data ? null : (
          <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()}>
            {t('twoFactor.enable')}
          </Button>
        )}
      </Space>
      {setup.error ? (
        <Alert type="error" showIcon title={errorText(t, setup.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {setup.data && !me.totpEnabled ? (
        <TotpEnablePanel
          secret={setup.data.secret}
          otpauthUrl={setup.data.otpauthUrl}
          onEnabled={() => void afterEnable()}
          onCancel={() => setup.reset()}
        />
      ) : null}
      <TotpDisableModal open={disabling} onClose={() => setDisabling(false)} onDisabled={afterDisable} />
    </div>
  );
}
