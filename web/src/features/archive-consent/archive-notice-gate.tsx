/**
 * The archive notice dialog of a conversation: it opens when an archived conversation is opened
 * while the notice in force is not accepted, and again whenever a send or an edit is refused
 * for it. 「同意并继续」 records the acceptance, then resends the refused messages (same client
 * ids) and repeats the edit.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { errorText } from '../../lib/api/error-text';
import { useOutbox, useSend } from '../messages/outbox';
import {
  type ConversationConsent,
  consentKeys,
  useAcceptNotice,
  useConversationConsent,
  useNoticeState,
} from './consent-api';
import { type NoticeDismissal, noticeWanted, waitingOnNotice } from './consent-logic';
import { useNoticeRequest } from './notice-requests';

export function ArchiveNoticeGate({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('consent');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const consent = useConversationConsent(conversationId);
  const outbox = useOutbox(conversationId);
  const waiting = useMemo(() => waitingOnNotice(outbox), [outbox]);
  const [request, clearRequest] = useNoticeRequest(conversationId);
  const [dismissed, setDismissed] = useState<NoticeDismissal>({ version: null, clientMsgIds: [] });
  const open = noticeWanted({ consent: consent.data, waiting, dismissed, editWaiting: request !== null });
  const notice = useNoticeState(open);
  const accept = useAcceptNotice();
  const send = useSend();
  const version = notice.data?.notice.version;

  const agree = async () => {
    if (!version) return;
    try {
      await accept.mutateAsync(version);
    } catch (error) {
      const stale = error instanceof ApiError && error.code === 'conflict';
      if (stale) void notice.refetch();
      message.error(stale ? t('notice.stale') : errorText(t, error));
      return;
    }
    queryClient.setQueryData<ConversationConsent>(consentKeys.conversation(conversationId), (c) =>
      c ? { ...c, noticeAccepted: true, noticeVersion: version } : c,
    );
    message.success(t('notice.accepted'));
    for (const item of waiting) void send(item);
    request?.retry();
    clearRequest();
  };
  const later = () => {
    setDismissed({ version: consent.data?.noticeVersion ?? null, clientMsgIds: waiting.map((i) => i.clientMsgId) });
    clearRequest();
  };

  return (
    <Modal
      open={open}
      title={t('notice.title')}
      onCancel={later}
      maskClosable={false}
      footer={[
        <Button key="later" onClick={later}>
          {t('notice.later')}
        </Button>,
        <Button key="agree" type="primary" loading={accept.isPending} disabled={!version} onClick={agree}>
          {t('notice.agree')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('notice.intro')}</Typography.Paragraph>
      <div
        data-testid="archive-notice-text"
        style={{
          whiteSpace: 'pre-wrap',
          maxHeight: 320,
          overflowY: 'auto',
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          padding: 12,
          marginBottom: 8,
        }}
      >
        {notice.data?.notice.text ?? ''}
      </div>
      {version ? <Typography.Text type="secondary">{t('notice.version', { version })}</Typography.Text> : null}
      {waiting.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('notice.pendingSends', { count: waiting.length })}
        />
      ) : null}
    </Modal>
  );
}
