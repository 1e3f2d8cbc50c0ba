/** /login: account and password, then the two-factor code when the member has it on. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSetupStatus } from '../../app/auth/auth-gate';
import { ApiError } from '../../lib/api/api-error';
import { api, unwrap } from '../../lib/api/client';
import { AuthCardTitle, AuthShell } from './auth-shell';
import { type Credentials, LoginForm } from './login-form';
import { safeNext } from './safe-next';
import { TotpStepForm } from './totp-step-form';
import { useEnterConsole } from './use-enter-console';
import { useSignInErrorText } from './use-sign-in-error';

type Attempt = Credentials & { totp?: string };

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const setup = useSetupStatus();
  const { enter } = useEnterConsole();
  const [credentials, setCredentials] = useState<Credentials | undefined>();
  const [step, setStep] = useState<'password' | 'totp'>('password');

  const signIn = useMutation({
    mutationFn: (body: Attempt) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (result) => enter(result, safeNext(params.get('next'))),
    onError: (error, body) => {
      if (error instanceof ApiError && error.code === 'totp_required') {
        setCredentials({ login: body.login, password: body.password });
        setStep('totp');
        signIn.reset();
      }
    },
  });
  const errorText = useSignInErrorText(signIn.error, step);

  return (
    <AuthShell>
      {step === 'password' ? (
        <>
          <AuthCardTitle title={t('login.title')} subtitle={t('login.subtitle')} />
          <LoginForm
            initial={credentials}
            pending={signIn.isPending}
            errorText={errorText}
            onSubmit={(values) => {
              setCredentials(values);
              signIn.mutate(values);
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('login.forgotHint')}
          </Typography.Text>
        </>
      ) : (
        <>
          <AuthCardTitle title={t('totp.title')} subtitle={t('totp.subtitle', { login: credentials?.login ?? '' })} />
          <TotpStepForm
            pending={signIn.isPending}
            errorText={errorText}
            onSubmit={(totp) => credentials && signIn.mutate({ ...credentials, totp })}
            onBack={() => {
              signIn.reset();
              setStep('password');
            }}
          />
        </>
      )}
      {setup.data?.needsSetup ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={t('login.needsSetup')}
          action={<Link to="/setup">{t('login.goSetup')}</Link>}
        />
      ) : null}
    </AuthShell>
  );
}
