/** 修改密码: current password plus a new one; the server then signs out every other device. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { confirmPasswordRules, newPasswordRules } from './password-rules';
import { SESSIONS_KEY } from './sessions-query';
import { usePasswordFailure } from './use-password-failure';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordSection() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const applyFailure = usePasswordFailure();
  const [alert, setAlert] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    // The server names the new password "password" in its reasons.
    onError: (error) => setAlert(applyFailure(form, error, 'newPassword', { password: 'newPassword' })),
  });

  return (
    <div style={{ maxWidth: 440 }}>
      <Typography.Paragraph type="secondary">{t('changePassword.intro')}</Typography.Paragraph>
      {change.isSuccess ? (
        <Alert
          type="success"
          showIcon
          title={t('changePassword.done')}
          description={t('changePassword.doneText')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {alert ? <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          name="currentPassword"
          label={t('password.currentLabel')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password placeholder={t('password.currentPlaceholder')} autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.newLabel')} rules={newPasswordRules(t)}>
          <Input.Password placeholder={t('password.newPlaceholder')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirmLabel')}
          dependencies={['newPassword']}
          rules={confirmPasswordRules(t, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('changePassword.submit')}
        </Button>
      </Form>
    </div>
  );
}
