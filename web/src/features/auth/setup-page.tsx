/** /setup: the first-run wizard, only while the server has no org; afterwards it points to sign-in. */
import { Button, Divider, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSetupStatus } from '../../app/auth/auth-gate';
import { LoadError, Loading } from '../../components/page-state';
import { AuthCardTitle, AuthShell } from './auth-shell';
import { DemoSetupLink } from './demo-setup-link';
import { SetupForm } from './setup-form';
import { useEnterConsole } from './use-enter-console';

export function SetupPage() {
  const { t } = useTranslation('auth');
  const status = useSetupStatus();
  const { enter } = useEnterConsole();

  if (status.isLoading) {
    return (
      <AuthShell>
        <Loading />
      </AuthShell>
    );
  }
  if (status.error || !status.data) {
    return (
      <AuthShell>
        <LoadError error={status.error} onRetry={() => status.refetch()} />
      </AuthShell>
    );
  }
  if (!status.data.needsSetup) {
    return (
      <AuthShell>
        <Result
          status="success"
          title={t('setup.done')}
          subTitle={t('setup.doneText')}
          extra={
            <Link to="/login">
              <Button type="primary">{t('setup.goLogin')}</Button>
            </Link>
          }
        />
      </AuthShell>
    );
  }
  return (
    <AuthShell width={480}>
      <AuthCardTitle title={t('setup.title')} subtitle={t('setup.subtitle')} />
      <SetupForm onDone={(result) => enter(result)} />
      <Divider plain>{t('setup.or')}</Divider>
      <DemoSetupLink />
    </AuthShell>
  );
}
