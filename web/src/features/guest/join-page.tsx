/**
 * `/join/:code`, opened from an invite link or QR code in any browser. Colleagues join with
 * their account; on an external group a visitor joins with a name and a verified email and
 * then chats here, in a guest session limited to that group.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { getToken } from '../../app/auth/token-store';
import { Loading } from '../../components/page-state';
import { AuthShell } from '../auth/auth-shell';
import { joinByInvite } from '../messages/api';
import { type InvitePreview, previewInvite } from './guest-api';
import { GuestChat } from './guest-chat';
import { guestErrorText } from './guest-error';
import { GuestJoinForm } from './guest-join-form';
import { type GuestSession, loadGuestSession, saveGuestSession } from './guest-session';

function InviteHeader({ preview }: { preview: InvitePreview }) {
  const { t } = useTranslation('guest');
  return (
    <div style={{ marginBottom: 20 }}>
      <Typography.Text type="secondary">{t('invite.from', { org: preview.orgName })}</Typography.Text>
      <Typography.Title level={3} style={{ margin: '6px 0 4px' }}>
        {preview.groupName ?? t('invite.unnamed')}
      </Typography.Title>
      <Space size={8}>
        <Tag color={preview.kind === 'external' ? 'orange' : 'blue'}>
          {preview.kind === 'external' ? t('invite.external') : t('invite.internal')}
        </Tag>
        <Typography.Text type="secondary">{t('invite.members', { count: preview.memberCount })}</Typography.Text>
      </Space>
    </div>
  );
}

/** For colleagues: join with the console session, or sign in first and come back here. */
function ColleagueJoin({ code }: { code: string }) {
  const { t } = useTranslation('guest');
  const navigate = useNavigate();
  const join = useMutation({
    mutationFn: () => joinByInvite(code),
    onSuccess: (conversation) => navigate(`/messages/${conversation.id}`),
  });
  if (!getToken()) {
    return (
      <Link to={`/login?next=${encodeURIComponent(`/join/${code}`)}`}>
        <Button block>{t('colleague.signIn')}</Button>
      </Link>
    );
  }
  return (
    <>
      {join.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={guestErrorText(t, join.error)} />
      ) : null}
      <Button block type="primary" loading={join.isPending} onClick={() => join.mutate()}>
        {t('colleague.join')}
      </Button>
    </>
  );
}

export function JoinPage() {
  const { t } = useTranslation('guest');
  const { code = '' } = useParams();
  const [session, setSession] = useState<GuestSession | null>(() => loadGuestSession(code));
  const preview = useQuery({ queryKey: ['guest', 'invite', code], queryFn: () => previewInvite(code), retry: false });

  if (session) {
    const end = () => {
      saveGuestSession(code, null);
      setSession(null);
      void preview.refetch();
    };
    return <GuestChat session={session} onEnded={end} />;
  }
  if (preview.isLoading) return <Loading />;
  if (!preview.data) {
    return (
      <AuthShell width={440}>
        <Alert type="error" showIcon message={guestErrorText(t, preview.error)} />
      </AuthShell>
    );
  }
  const data = preview.data;
  const closed = data.status === 'revoked' || data.status === 'dissolved';
  const joined = (next: GuestSession) => {
    saveGuestSession(code, next);
    setSession(next);
  };
  return (
    <AuthShell width={440}>
      <InviteHeader preview={data} />
      {data.status === 'valid' ? null : (
        <Alert
          type={closed ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`status.${data.status}`)}
        />
      )}
      {data.kind !== 'external' ? (
        <>
          <Typography.Paragraph type="secondary">{t('colleague.membersOnly')}</Typography.Paragraph>
          {closed ? null : <ColleagueJoin code={code} />}
        </>
      ) : closed ? null : (
        <>
          {data.mailConfigured ? (
            <GuestJoinForm
              code={code}
              onJoined={joined}
              notice={data.archiveNotice}
              org={data.orgName}
              onNoticeChanged={() => void preview.refetch()}
            />
          ) : (
            <Alert type="info" showIcon message={t('form.mailOff')} />
          )}
          <Divider plain>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('colleague.iAmMember')}
            </Typography.Text>
          </Divider>
          <ColleagueJoin code={code} />
        </>
      )}
    </AuthShell>
  );
}
