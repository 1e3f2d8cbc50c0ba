/** Turning two-factor on: scan the QR code (or type the key), then confirm with a first code. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Row, Space, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import { errorText } from '../../lib/api/error-text';
import { groupSecret } from './totp-secret';

type Props = { secret: string; otpauthUrl: string; onEnabled: () => void; onCancel: () => void };

export function TotpEnablePanel({ secret, otpauthUrl, onEnabled, onCancel }: Props) {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<{ code: string }>();
  const enable = useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/me/totp/enable', { body: { code } })),
    onSuccess: onEnabled,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'invalid') {
        form.setFields([{ name: 'code', errors: [t('twoFactor.wrongCode')] }]);
      }
    },
  });
  const failure = enable.error instanceof ApiError && enable.error.code === 'invalid' ? null : enable.error;

  return (
    <Row gutter={[32, 24]} style={{ marginTop: 8 }}>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>1. {t('twoFactor.step1')}</Typography.Title>
        <div
          style={{
            display: 'inline-block',
            padding: 12,
            background: '#fff',
            border: '1px solid #f0f0f0',
            borderRadius: 4,
          }}
          data-testid="totp-qr"
        >
          <QRCodeSVG value={otpauthUrl} size={168} marginSize={0} title={t('twoFactor.step1')} />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('twoFactor.step1Text')}
        </Typography.Paragraph>
        <Space size={8} wrap>
          <Typography.Text type="secondary">{t('twoFactor.secret')}</Typography.Text>
          <Typography.Text code copyable={{ text: secret }} data-testid="totp-secret">
            {groupSecret(secret)}
          </Typography.Text>
        </Space>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>2. {t('twoFactor.step2')}</Typography.Title>
        {failure ? <Alert type="error" showIcon title={errorText(t, failure)} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => enable.mutate(values.code)}>
          <Form.Item
            name="code"
            label={t('twoFactor.codeLabel')}
            normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('twoFactor.codeRequired') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="000000"
              style={{ maxWidth: 200, letterSpacing: 6 }}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={enable.isPending}>
              {t('twoFactor.confirmEnable')}
            </Button>
            <Button onClick={onCancel}>{t('common:action.cancel')}</Button>
          </Space>
        </Form>
      </Col>
    </Row>
  );
}
