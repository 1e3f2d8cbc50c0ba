/** Step one of sign-in: email or mobile and password. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export type Credentials = { login: string; password: string };

type Props = {
  initial?: Credentials | undefined;
  pending: boolean;
  errorText: string | null;
  onSubmit: (values: Credentials) => void;
};

export function LoginForm({ initial, pending, errorText, onSubmit }: Props) {
  const { t } = useTranslation('auth');
  return (
    <Form<Credentials>
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={initial}
      onFinish={(values) => onSubmit({ login: values.login.trim(), password: values.password })}
    >
      {errorText ? (
        <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form.Item
        name="login"
        label={t('login.loginLabel')}
        rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
      >
        <Input prefix={<UserOutlined />} placeholder={t('login.loginPlaceholder')} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.passwordLabel')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t('login.passwordPlaceholder')}
          autoComplete="current-password"
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block loading={pending} autoInsertSpace={false}>
          {t('login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
