/**
 * In the guest's chat, when the group is archived: their answer to the archive notice, what a
 * decline means here, and a dialog to read the notice again and agree or decline (withdraw).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import type { GuestApi } from './guest-api';
import { type GuestChoice, NoticeText } from './guest-consent-choice';

export function GuestConsentBar({ api, conversationId }: { api: GuestApi; conversationId: string }) {
  const { t } = useTranslation('consent');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['guest', 'consent', conversationId];
  const [open, setOpen] = useState(false);
  const state = useQuery({ queryKey: key, queryFn: () => api.consent(), retry: false, refetchOnWindowFocus: true });
  const answer = useMutation({
    mutationFn: (choice: GuestChoice) => api.answerNotice(choice, state.data?.notice.version ?? 1),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      setOpen(false);
      message.success(t('guest.changed'));
    },
    onError: (error) => {
      const stale = error instanceof ApiError && error.code === 'conflict';
      if (stale) void state.refetch();
      message.error(stale ? t('guest.stale') : errorText(t, error));
    },
  });

  const data = state.data;
  if (!data?.covered) return null;
  const declined = data.status === 'declined';
  const status =
    data.status === 'agreed'
      ? t('guest.statusAgreed')
      : declined
        ? t('guest.statusDeclined')
        : t('guest.statusNotAsked');
  const effect = declined
    ? data.declinePolicy === 'no_messaging'
      ? t('guest.declinedNoMessaging')
      : t('guest.declinedNotArchived')
    : '';
  return (
    <>
      <Alert
        data-testid="guest-consent-bar"
        banner
        type={declined || data.status === 'not_asked' ? 'warning' : 'info'}
        message={status}
        description={effect || undefined}
        action={
          <Button size="small" type="link" onClick={() => setOpen(true)}>
            {t('guest.change')}
          </Button>
        }
      />
      <Modal
        open={open}
        title={t('guest.title')}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button
              danger
              loading={answer.isPending && answer.variables === 'declined'}
              onClick={() => answer.mutate('declined')}
            >
              {t('guest.decline')}
            </Button>
            <Button
              type="primary"
              loading={answer.isPending && answer.variables === 'agreed'}
              onClick={() => answer.mutate('agreed')}
            >
              {t('guest.agree')}
            </Button>
          </Space>
        }
      >
        <NoticeText text={data.notice.text} />
      </Modal>
    </>
  );
}
