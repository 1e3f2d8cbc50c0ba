/** The right pane: header, announcement, history, typing notice and composer of one conversation. */
import { ArrowLeftOutlined, NotificationOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/page-state';
import { type ConversationDetail, keys, markRead, useConversation, useMessageWindow } from './api';
import { Composer } from './composer';
import type { ChatMessage } from './message-cache';
import { MessageList } from './message-list';
import { useOutbox } from './outbox';
import { ReadersModal } from './readers-modal';
import { useRealtime } from './realtime-context';
import { SettingsDrawer } from './settings-drawer';

export function ConversationPane({
  conversationId,
  meId,
  onBack,
}: {
  conversationId: string;
  meId: string;
  onBack?: () => void;
}) {
  const detail = useConversation(conversationId);
  if (detail.isLoading) return <Loading />;
  if (detail.error || !detail.data) return <LoadError error={detail.error} onRetry={() => detail.refetch()} />;
  return <ConversationView key={conversationId} conversation={detail.data} meId={meId} onBack={onBack} />;
}

function ConversationView({
  conversation: c,
  meId,
  onBack,
}: {
  conversation: ConversationDetail;
  meId: string;
  onBack?: () => void;
}) {
  const { t } = useTranslation('messages');
  const queryClient = useQueryClient();
  const window = useMessageWindow(c.id);
  const outbox = useOutbox(c.id);
  const { online, typing } = useRealtime();
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [readersOf, setReadersOf] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const readSent = useRef(c.readSeq);
  const typingNow = typing[c.id];
  const typingName = typingNow ? c.members.find((m) => m.id === typingNow.memberId)?.name : undefined;

  // Mark read up to the newest message while the conversation is open and the tab visible.
  const newest = window.data?.items.at(-1)?.seq ?? 0;
  useEffect(() => {
    const send = () => {
      if (document.visibilityState !== 'visible' || newest <= readSent.current) return;
      readSent.current = newest;
      markRead(c.id, newest)
        .then(() => queryClient.invalidateQueries({ queryKey: keys.list }))
        .catch(() => {
          readSent.current = 0;
        });
    };
    send();
    document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [c.id, newest, queryClient]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '10px 12px',
          borderBottom: '1px solid #f0f0f0',
          background: '#fff',
        }}
      >
        {onBack ? (
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('conversation.back')} onClick={onBack} />
        ) : null}
        <Typography.Title level={5} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {c.name}
          {c.kind !== 'direct' ? (
            <span style={{ fontWeight: 'normal', color: '#8c8c8c', fontSize: 13, marginLeft: 8 }}>
              {t('conversation.memberCount', { count: c.memberCount })}
            </span>
          ) : null}
        </Typography.Title>
        <Button
          type="text"
          icon={<SettingOutlined />}
          aria-label={t('conversation.settings')}
          title={t('conversation.settings')}
          onClick={() => setSettingsOpen(true)}
        />
      </div>
      {!online ? <Alert type="warning" banner showIcon title={t('conversation.realtimeOffline')} /> : null}
      {c.status === 'dissolved' ? <Alert type="info" banner title={t('conversation.dissolved')} /> : null}
      {c.announcement ? (
        <button
          type="button"
          data-testid="announcement"
          style={{
            display: 'flex',
            gap: 8,
            padding: '6px 12px',
            background: '#fffbe6',
            border: 'none',
            borderBottom: '1px solid #ffe58f',
            textAlign: 'left',
            font: 'inherit',
            fontSize: 13,
            cursor: 'pointer',
          }}
          onClick={() => setSettingsOpen(true)}
        >
          <NotificationOutlined style={{ color: '#faad14', marginTop: 3 }} />
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            <strong>{t('conversation.announcement')}</strong>: {c.announcement}
          </span>
        </button>
      ) : null}
      {window.isLoading ? (
        <div style={{ flex: 1 }}>
          <Loading />
        </div>
      ) : window.error || !window.data ? (
        <div style={{ flex: 1 }}>
          <LoadError error={window.error} onRetry={() => window.refetch()} />
        </div>
      ) : (
        <MessageList
          conversationId={c.id}
          window={window.data}
          outbox={outbox}
          meId={meId}
          myRole={c.myRole}
          onReply={setReplyTo}
          onReaders={(m) => setReadersOf(m.id)}
        />
      )}
      <div
        style={{ height: 20, padding: '0 16px', fontSize: 12, color: '#8c8c8c', background: '#f5f6f7' }}
        aria-live="polite"
      >
        {typingNow
          ? c.kind === 'direct' || !typingName
            ? t('conversation.typing')
            : t('conversation.typingName', { name: typingName })
          : null}
      </div>
      <Composer conversation={c} meId={meId} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} />
      <ReadersModal messageId={readersOf} onClose={() => setReadersOf(null)} />
      <SettingsDrawer open={settingsOpen} conversation={c} meId={meId} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
