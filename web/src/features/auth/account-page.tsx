/**
 * /account: profile, password, two-factor and signed-in devices. With ?totp=required (the org
 * requires two-factor and the member has not turned it on) only the two-factor tab is usable.
 */
import { Alert, Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type Me, useMe } from '../../app/auth/use-me';
import { QueryState } from '../../components/page-state';
import { ChangePasswordSection } from './change-password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

const TABS = ['profile', 'password', 'totp', 'sessions'] as const;
type Tab = (typeof TABS)[number];

export function AccountPage() {
  const me = useMe();
  return <QueryState query={me}>{(data) => <AccountTabs me={data} />}</QueryState>;
}

function AccountTabs({ me }: { me: Me }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const askedToEnable = params.get('totp') === 'required';
  // Until two-factor is on, the server refuses everything but two-factor setup.
  const locked = me.totpSetupRequired;
  const requested = TABS.find((tab) => tab === params.get('tab'));
  const active: Tab = locked || (askedToEnable && !me.totpEnabled) ? 'totp' : (requested ?? 'profile');

  const onEnabled = () => {
    if (askedToEnable || locked) navigate('/', { replace: true });
  };

  return (
    <Card variant="borderless">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      {(askedToEnable || locked) && !me.totpEnabled ? (
        <Alert
          type="warning"
          showIcon
          title={t('account.totpRequiredTitle')}
          description={t('account.totpRequiredText')}
          style={{ marginBottom: 16 }}
          data-testid="totp-required-alert"
        />
      ) : null}
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'profile', label: t('account.tabs.profile'), children: <ProfileSection me={me} /> },
          {
            key: 'password',
            label: t('account.tabs.password'),
            disabled: locked,
            children: <ChangePasswordSection />,
          },
          {
            key: 'totp',
            label: t('account.tabs.totp'),
            children: <TwoFactorSection me={me} onEnabled={onEnabled} />,
          },
          {
            key: 'sessions',
            label: t('account.tabs.sessions'),
            disabled: locked,
            children: <SessionsSection />,
          },
        ]}
      />
    </Card>
  );
}
