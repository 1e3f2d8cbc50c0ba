/** The right pane: header, announcement, history, typing notice and composer of one conversation. */
import { ArrowLeftOutlined, CloudUploadOutlined, NotificationOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/page-state';
import { ArchiveNoticeGate } from '../archive-consent/archive-notice-gate';
import { ArchiveConsentBanner } from '../archive-consent/consent-banner';
import { type ConversationDetail, keys, markRead, useConversation, useMessageWindow, useNoticeEvents } from './api';
import { filesOf } from './attachments';
import { Composer } from './composer';
import type { ChatMessage } from './message-cache';
import { MessageList } from './message-list';
import { useOutbox, useSendFiles } from './outbox';
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
  const notices = useNoticeEvents(c.id);
  const sendFiles = useSendFiles();
  const { online, typing } = useRealtime();
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [editing, setEditing] = useState<ChatMessage | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const [readersOf, setReadersOf] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const readSent = useRef(c.readSeq);
  const typingNow = typing[c.id];
  const typingName = typingNow ? c.members.find((m) => m.id === typingNow.memberId)?.name : undefined;

  const members = c.members;
  const nameOf = useCallback((id: string) => members.find((m) => m.id === id)?.name, [members]);
  const reply = useCallback((m: ChatMessage) => {
    setEditing(null);
    setReplyTo(m);
  }, []);
  const edit = useCallback((m: ChatMessage) => {
    setReplyTo(null);
    setEditing(m);
  }, []);

  // Files dragged over the conversation are sent when dropped.
  const canDrop = c.status === 'active';
  const hasFiles = (e: DragEvent) => canDrop && Array.from(e.dataTransfer.types).includes('Files');
  const dragHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      const files = filesOf(e.dataTransfer);
      if (files.length > 0) sendFiles(c.id, files);
    },
  };

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
    <div
      data-testid="conversation-pane"
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, position: 'relative' }}
      {...dragHandlers}
    >
      {dragging ? (
        <div
          style={{
            position: 'absolute',
            inset: 0,
            zIndex: 10,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 8,
            background: 'rgba(230, 244, 255, 0.9)',
            border: '2px dashed #1677ff',
            color: '#1677ff',
            pointerEvents: 'none',
          }}
        >
          <CloudUploadOutlined style={{ fontSize: 36 }} />
          {t('composer.dropHint')}
        </div>
      ) : null}
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
          notices={notices}
          meId={meId}
          myRole={c.myRole}
          nameOf={nameOf}
          onReply={reply}
          onReaders={(m) => setReadersOf(m.id)}
          onEdit={edit}
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
      <ArchiveConsentBanner conversationId={c.id} />
      <Composer
        conversation={c}
        meId={meId}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        editing={editing}
        onCancelEdit={() => setEditing(null)}
      />
      <ReadersModal messageId={readersOf} onClose={() => setReadersOf(null)} />
      <ArchiveNoticeGate conversationId={c.id} />
      <SettingsDrawer open={settingsOpen} conversation={c} meId={meId} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
