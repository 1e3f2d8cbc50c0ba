/**
 * Name, email and the emailed code: the visitor's way into an external group; in an archived
 * group also the answer to the archive notice.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { JOIN_CALLS, type JoinTarget } from './guest-api';
import { type GuestChoice, GuestConsentChoice } from './guest-consent-choice';
import { guestErrorText } from './guest-error';
import type { GuestSession } from './guest-session';

/** The archive notice changed while the visitor was reading it. */
const staleNotice = (error: unknown) => error instanceof ApiError && error.code === 'conflict';

type Values = { displayName: string; email: string; code: string; consent?: GuestChoice };

/** Seconds left before another code may be asked for, counting down once a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [until, now]);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return [
    left,
    (seconds) => {
      setNow(Date.now());
      setUntil(Date.now() + seconds * 1000);
    },
  ];
}

export function GuestJoinForm({
  code,
  onJoined,
  notice = null,
  org = '',
  onNoticeChanged,
  target = 'invite',
  submitLabel,
  privacy,
}: {
  code: string;
  /** Which link the code belongs to: an invite link (default) or a contact-me link. */
  target?: JoinTarget;
  submitLabel?: string;
  privacy?: string;
  onJoined: (session: GuestSession) => void;
  /** The archive notice of an archived group, to agree to or decline. */
  notice?: { version: number; text: string } | null;
  org?: string;
  /** The notice changed since the page loaded: load it again. */
  onNoticeChanged?: () => void;
}) {
  const { t } = useTranslation('guest');
  const [form] = Form.useForm<Values>();
  const [wait, startWait] = useCountdown();
  const [sentTo, setSentTo] = useState<{ email: string; minutes: number } | null>(null);

  const send = useMutation({
    mutationFn: (email: string) => JOIN_CALLS[target].requestCode(code, email),
    onSuccess: (sent) => {
      setSentTo({ email: sent.email, minutes: Math.round(sent.expiresInSeconds / 60) });
      startWait(sent.resendAfterSeconds);
    },
  });
  const join = useMutation({
    mutationFn: (values: Values) =>
      JOIN_CALLS[target].join(code, {
        email: values.email.trim(),
        code: values.code.trim(),
        displayName: values.displayName,
        ...(notice && values.consent ? { consent: values.consent, noticeVersion: notice.version } : {}),
      }),
    onError: (error) => {
      if (staleNotice(error)) onNoticeChanged?.();
    },
    onSuccess: (joined) =>
      onJoined({ token: joined.token, conversationId: joined.conversationId, participant: joined.participant }),
  });

  const askForCode = async () => {
    const { email } = await form.validateFields(['email']);
    send.mutate(email.trim());
  };
  const failure = join.error ?? send.error;

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => join.mutate(values)}>
      <Form.Item
        name="displayName"
        label={t('form.name')}
        rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }, { max: 40 }]}
      >
        <Input placeholder={t('form.namePlaceholder')} maxLength={40} autoComplete="name" />
      </Form.Item>
      <Form.Item label={t('form.email')} required htmlFor="guest-email">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="email"
            noStyle
            rules={[{ required: true, type: 'email', whitespace: true, message: t('form.emailInvalid') }]}
          >
            <Input
              id="guest-email"
              placeholder={t('form.emailPlaceholder')}
              type="email"
              autoComplete="email"
              inputMode="email"
            />
          </Form.Item>
          <Button onClick={askForCode} loading={send.isPending} disabled={wait > 0}>
            {wait > 0 ? t('form.resendIn', { seconds: wait }) : t('form.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {sentTo ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('form.codeSent', { email: sentTo.email, minutes: sentTo.minutes })}
        />
      ) : null}
      <Form.Item
        name="code"
        label={t('form.code')}
        rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('form.codeRequired') }]}
      >
        <Input placeholder={t('form.codePlaceholder')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
      </Form.Item>
      {notice ? (
        <Form.Item name="consent" rules={[{ required: true, message: t('consent:guest.choose') }]}>
          <GuestConsentChoice org={org} notice={notice} />
        </Form.Item>
      ) : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={staleNotice(failure) ? t('consent:guest.stale') : guestErrorText(t, failure)}
        />
      ) : null}
      <Button type="primary" htmlType="submit" block size="large" loading={join.isPending}>
        {submitLabel ?? t('form.join')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {privacy ?? t('form.privacy')}
      </Typography.Paragraph>
    </Form>
  );
}
