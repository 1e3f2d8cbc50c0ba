/** Step two of sign-in, for members with two-factor on: the 6-digit code from their app. */
import { ArrowLeftOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  pending: boolean;
  errorText: string | null;
  onSubmit: (code: string) => void;
  onBack: () => void;
};

export function TotpStepForm({ pending, errorText, onSubmit, onBack }: Props) {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(values) => onSubmit(values.code)}>
      {errorText ? (
        <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form.Item
        name="code"
        label={t('totp.codeLabel')}
        normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRequired') }]}
      >
        <Input
          prefix={<SafetyOutlined />}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          placeholder="000000"
          style={{ letterSpacing: 6 }}
          onChange={(event) => {
            if (/^\d{6}$/.test(event.target.value) && !pending) form.submit();
          }}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block loading={pending}>
          {t('totp.submit')}
        </Button>
      </Form.Item>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} style={{ padding: 0 }}>
        {t('totp.back')}
      </Button>
    </Form>
  );
}
