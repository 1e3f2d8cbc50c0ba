/**
 * `/contact/:code`, opened from a member's contact-me link or QR code in any browser: the
 * visitor leaves a name, verifies their email and chats 1:1 with the member, in a guest session
 * limited to that chat, then reads the posts addressed to them and sees their customer groups.
 * Coming back with the same email opens the same chat.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../components/page-state';
import { ApiError } from '../../lib/api/api-error';
import { AuthShell } from '../auth/auth-shell';
import { previewContact } from './guest-api';
import { guestErrorText } from './guest-error';
import { GuestHome } from './guest-home';
import { GuestJoinForm } from './guest-join-form';
import { type GuestSession, loadGuestSession, saveGuestSession } from './guest-session';

export function ContactPage() {
  const { t } = useTranslation('guest');
  const { code = '' } = useParams();
  const [session, setSession] = useState<GuestSession | null>(() => loadGuestSession(code));
  const preview = useQuery({ queryKey: ['guest', 'contact', code], queryFn: () => previewContact(code), retry: false });

  if (session) {
    const end = () => {
      saveGuestSession(code, null);
      setSession(null);
      void preview.refetch();
    };
    return <GuestHome session={session} onEnded={end} />;
  }
  if (preview.isLoading) return <Loading />;
  if (!preview.data) {
    return (
      <AuthShell width={440}>
        <Alert
          type="error"
          showIcon
          message={
            preview.error instanceof ApiError && preview.error.code === 'not_found'
              ? t('contact.notFound')
              : guestErrorText(t, preview.error)
          }
        />
      </AuthShell>
    );
  }
  const data = preview.data;
  const joined = (next: GuestSession) => {
    saveGuestSession(code, next);
    setSession(next);
  };
  return (
    <AuthShell width={440}>
      <div style={{ marginBottom: 20 }}>
        <Typography.Text type="secondary">
          {t('contact.from', { org: data.orgName, link: data.linkName })}
        </Typography.Text>
        <Typography.Title level={3} style={{ margin: '6px 0 4px' }}>
          {t('contact.title', { name: data.memberName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('contact.intro', { name: data.memberName })}</Typography.Text>
      </div>
      {data.mailConfigured ? (
        <GuestJoinForm
          code={code}
          target="contact"
          onJoined={joined}
          notice={data.archiveNotice}
          org={data.orgName}
          onNoticeChanged={() => void preview.refetch()}
          submitLabel={t('contact.start')}
          privacy={t('contact.privacy', { name: data.memberName })}
        />
      ) : (
        <Alert type="info" showIcon message={t('form.mailOff')} />
      )}
    </AuthShell>
  );
}
