/**
 * The guest's chat: the group's messages with scroll-back, live delivery over the WebSocket
 * (resuming after a drop), a text composer whose retries reuse the client message id, leaving
 * and signing out. Removal from the group or an ended session returns to the join form.
 */
import { LogoutOutlined, MoreOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Input, Modal, Result, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/api-error';
import { LanguageSwitch } from '../auth/language-switch';
import { startUpload } from '../messages/attachment-transfer';
import { applyEventToWindow, type MessageWindow, mergeOlder, upsertMessages } from '../messages/message-cache';
import { RealtimeClient } from '../messages/realtime-client';
import { guestApi } from './guest-api';
import { GuestConsentBar } from './guest-consent-bar';
import { guestErrorText } from './guest-error';
import { changesGroup, newestSeq, removesMember } from './guest-events';
import { GuestMessage, PendingBubble, type PendingMessage } from './guest-message';
import type { GuestSession } from './guest-session';
import { GuestTransferBar } from './guest-transfer-bar';

const newClientMsgId = () => globalThis.crypto.randomUUID();
const endsSession = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 404);

export function GuestChat({
  session,
  onEnded,
  withMember = false,
  height = '100dvh',
}: {
  session: GuestSession;
  onEnded: () => void;
  /** A 1:1 chat with a member (from a contact-me link): titled with the member serving them. */
  withMember?: boolean;
  /** The chat's height: the whole window, or the space a surrounding page leaves it. */
  height?: string;
}) {
  const { t } = useTranslation('guest');
  const api = useMemo(() => guestApi(session.token), [session.token]);
  const id = session.conversationId;
  const me = session.participant.id;
  const [ended, setEnded] = useState(false);
  const [online, setOnline] = useState(true);
  const [loaded, setLoaded] = useState<MessageWindow | null>(null);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [sendError, setSendError] = useState<unknown>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const readSeq = useRef(0);

  const detail = useQuery({
    queryKey: ['guest', 'conversation', id],
    queryFn: () => api.conversation(id),
    retry: false,
  });
  useEffect(() => {
    if (endsSession(detail.error)) setEnded(true);
  }, [detail.error]);

  const loadNewest = useCallback(() => {
    api.page(id).then(
      (page) => setLoaded((w) => (w ? { ...w, items: upsertMessages(w.items, page.items) } : page)),
      (error: unknown) => (endsSession(error) ? setEnded(true) : undefined),
    );
  }, [api, id]);

  // Live events; each (re)connection also reloads the newest page so nothing is missed in between.
  useEffect(() => {
    const client = new RealtimeClient(() => session.token, {
      onEvents: (events) => {
        setLoaded((w) => (w ? events.reduce(applyEventToWindow, w) : w));
        if (events.some((e) => removesMember(e, me))) setEnded(true);
        else if (events.some(changesGroup)) void detail.refetch();
      },
      onReceipt: () => undefined,
      onTyping: () => undefined,
      onStatus: (up) => {
        setOnline(up);
        if (up) loadNewest();
      },
      onSignedOut: () => setEnded(true),
    });
    client.start();
    loadNewest();
    return () => client.stop();
  }, [session.token, me, loadNewest, detail.refetch]);

  // Scroll to the newest message and move the read cursor when new ones arrive.
  const lastSeq = newestSeq(loaded?.items.map((m) => m.seq) ?? []);
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
    if (lastSeq > readSeq.current) {
      readSeq.current = lastSeq;
      api.markRead(id, lastSeq).catch(() => undefined);
    }
  }, [lastSeq, pending.length, api, id]);

  const replacePending = (item: PendingMessage) =>
    setPending((list) => list.map((p) => (p.clientMsgId === item.clientMsgId ? item : p)));
  /** Uploads the file first (once: a retry reuses the stored upload), then sends with the same client id. */
  const deliver = async (queued: PendingMessage) => {
    let item: PendingMessage = { ...queued, failed: false };
    setPending((list) => [...list.filter((p) => p.clientMsgId !== item.clientMsgId), item]);
    try {
      if (item.upload && !item.upload.attachment) {
        const upload = item.upload;
        const onProgress = (percent: number) => replacePending({ ...item, upload: { ...upload, percent } });
        const ref = await startUpload(id, upload.file, onProgress, session.token).done;
        item = { ...item, upload: { ...upload, percent: 100, attachment: { id: ref.id, kind: ref.kind } } };
        replacePending(item);
      }
      const message = await api.send(id, item.clientMsgId, item.body, item.upload?.attachment);
      setPending((list) => list.filter((p) => p.clientMsgId !== item.clientMsgId));
      setLoaded((w) => (w ? { ...w, items: upsertMessages(w.items, [message]) } : w));
      setSendError(null);
    } catch (error) {
      if (endsSession(error)) setEnded(true);
      setSendError(error);
      replacePending({ ...item, failed: true });
    }
  };
  const submit = () => {
    const body = draft.trim();
    if (!body) return;
    setDraft('');
    void deliver({ clientMsgId: newClientMsgId(), body, failed: false });
  };
  const attach = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      void deliver({ clientMsgId: newClientMsgId(), body: '', failed: false, upload: { file, percent: 0 } });
    }
  };
  const loadOlder = async () => {
    const first = loaded?.items[0];
    if (!first) return;
    const page = await api.page(id, first.seq);
    setLoaded((w) => (w ? mergeOlder(w, page) : page));
  };
  const leave = () =>
    Modal.confirm({
      title: t('chat.leave'),
      content: t('chat.leaveConfirm'),
      onOk: async () => {
        await api.leave(id, me);
        onEnded();
      },
    });
  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    onEnded();
  };

  if (ended) {
    return (
      <Result
        status="info"
        title={t('chat.ended')}
        extra={
          <Button type="primary" onClick={onEnded}>
            {t('chat.joinAgain')}
          </Button>
        }
      />
    );
  }
  const group = detail.data;
  const dissolved = group?.status === 'dissolved';
  return (
    <div style={{ height, display: 'flex', flexDirection: 'column', background: '#f5f7fa' }}>
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '10px 12px',
          background: '#fff',
          borderBottom: '1px solid #eee',
        }}
      >
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ display: 'block' }}>
            {(withMember ? group?.owner?.name : group?.name) ?? ''}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {group ? t('chat.members', { count: group.memberCount }) : ''}
          </Typography.Text>
        </div>
        <LanguageSwitch />
        <Dropdown
          menu={{
            items: [
              {
                key: 'who',
                disabled: true,
                label: t('chat.signedInAs', { name: session.participant.name, email: session.participant.email }),
              },
              { key: 'leave', danger: true, label: t('chat.leave'), onClick: leave },
              { key: 'out', icon: <LogoutOutlined />, label: t('chat.signOut'), onClick: signOut },
            ],
          }}
        >
          <Button type="text" icon={<MoreOutlined />} aria-label={t('chat.signOut')} />
        </Dropdown>
      </header>
      {online ? null : <Alert type="warning" banner message={t('chat.offline')} />}
      <GuestConsentBar api={api} conversationId={id} />
      <GuestTransferBar api={api} conversationId={id} />
      <main style={{ flex: 1, overflowY: 'auto', padding: '8px 12px' }}>
        <div style={{ maxWidth: 760, margin: '0 auto' }}>
          {loaded?.hasMore ? (
            <div style={{ textAlign: 'center' }}>
              <Button type="link" onClick={loadOlder}>
                {t('chat.loadOlder')}
              </Button>
            </div>
          ) : null}
          {loaded && loaded.items.length === 0 && pending.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 48 }}>
              {t('chat.empty')}
            </Typography.Paragraph>
          ) : null}
          {loaded?.items.map((m) => (
            <GuestMessage key={m.id} api={api} message={m} mine={m.sender?.id === me} />
          ))}
          {pending.map((p) => (
            <PendingBubble key={p.clientMsgId} item={p} onRetry={() => void deliver(p)} />
          ))}
          <div ref={bottom} />
        </div>
      </main>
      <footer style={{ background: '#fff', borderTop: '1px solid #eee', padding: 8 }}>
        <div style={{ maxWidth: 760, margin: '0 auto' }}>
          {sendError ? (
            <Alert type="error" showIcon style={{ marginBottom: 8 }} message={guestErrorText(t, sendError)} />
          ) : null}
          {dissolved ? (
            <Typography.Text type="secondary">{t('chat.dissolved')}</Typography.Text>
          ) : (
            <Space.Compact style={{ width: '100%' }}>
              <Button
                icon={<PaperClipOutlined />}
                aria-label={t('chat.attach')}
                title={t('chat.attach')}
                onClick={() => fileInput.current?.click()}
              />
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                data-testid="guest-file-input"
                onChange={(e) => {
                  attach(e.target.files);
                  e.target.value = '';
                }}
              />
              <Input.TextArea
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onPressEnter={(e) => {
                  if (e.shiftKey || e.nativeEvent.isComposing) return;
                  e.preventDefault();
                  submit();
                }}
                placeholder={t('chat.placeholder')}
                autoSize={{ minRows: 1, maxRows: 5 }}
                maxLength={5000}
                aria-label={t('chat.placeholder')}
              />
              <Button type="primary" icon={<SendOutlined />} onClick={submit} disabled={!draft.trim()}>
                {t('chat.send')}
              </Button>
            </Space.Compact>
          )}
        </div>
      </footer>
    </div>
  );
}
