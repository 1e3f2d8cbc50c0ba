/** The first-run form: company, owner name, email and password (typed twice). */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { passwordProblem } from './password-error';
import { confirmPasswordRules, newPasswordRules } from './password-rules';
import { postSetup, type SetupInput, type SetupResult } from './setup-api';

type Values = SetupInput & { confirm: string };

export function SetupForm({ onDone }: { onDone: (result: SetupResult) => void }) {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<Values>();
  const setup = useMutation({
    mutationFn: postSetup,
    onSuccess: onDone,
    onError: (error) => {
      const problem = passwordProblem(error);
      if (problem) form.setFields([{ name: 'password', errors: [t(problem.key)] }]);
    },
  });
  const error = setup.error;
  const inlineError =
    !error || passwordProblem(error)
      ? null
      : error instanceof ApiError && error.code === 'conflict'
        ? t('setup.alreadyDone')
        : errorText(t, error);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ confirm: _confirm, ...values }) =>
        setup.mutate({
          ...values,
          orgName: values.orgName.trim(),
          ownerName: values.ownerName.trim(),
          email: values.email.trim(),
        })
      }
    >
      {inlineError ? <Alert type="error" showIcon title={inlineError} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="orgName"
        label={t('setup.orgName')}
        rules={[{ required: true, whitespace: true, message: t('setup.orgNameRequired') }, { max: 100 }]}
      >
        <Input placeholder={t('setup.orgNamePlaceholder')} maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item
        name="ownerName"
        label={t('setup.ownerName')}
        rules={[{ required: true, whitespace: true, message: t('setup.ownerNameRequired') }, { max: 100 }]}
      >
        <Input placeholder={t('setup.ownerNamePlaceholder')} maxLength={100} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('setup.email')}
        rules={[
          { required: true, whitespace: true, message: t('setup.emailRequired') },
          { type: 'email', message: t('setup.emailInvalid') },
        ]}
      >
        <Input placeholder={t('setup.emailPlaceholder')} autoComplete="email" maxLength={254} />
      </Form.Item>
      <Form.Item name="password" label={t('setup.password')} rules={newPasswordRules(t)}>
        <Input.Password placeholder={t('setup.passwordPlaceholder')} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('setup.confirmPassword')}
        dependencies={['password']}
        rules={confirmPasswordRules(t, 'password')}
      >
        <Input.Password placeholder={t('setup.confirmPlaceholder')} autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" size="large" block loading={setup.isPending}>
          {t('setup.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
