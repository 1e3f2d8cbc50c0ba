/** Turning two-factor off: the password confirms it; the server refuses when the org or a role requires it. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import { usePasswordFailure } from './use-password-failure';

type Props = { open: boolean; onClose: () => void; onDisabled: () => void };

function isRequiredRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'forbidden') return false;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return reason !== 'wrong_password';
}

export function TotpDisableModal({ open, onClose, onDisabled }: Props) {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<{ password: string }>();
  const applyFailure = usePasswordFailure();
  const [alert, setAlert] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: (password: string) => unwrap(api.POST('/api/v1/me/totp/disable', { body: { password } })),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      form.resetFields();
      onDisabled();
    },
    onError: (error) =>
      setAlert(isRequiredRefusal(error) ? t('twoFactor.disableRequired') : applyFailure(form, error, 'password')),
  });
  const close = () => {
    form.resetFields();
    setAlert(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('twoFactor.disableTitle')}
      okText={t('twoFactor.disable')}
      okButtonProps={{ danger: true, loading: disable.isPending }}
      cancelText={t('common:action.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('twoFactor.disableText')}</Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => disable.mutate(values.password)}>
        <Form.Item
          name="password"
          label={t('password.currentLabel')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password placeholder={t('password.currentPlaceholder')} autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
