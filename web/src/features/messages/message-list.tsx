/**
 * The scrolling message history: newest at the bottom, older pages loaded when scrolled to the
 * top, membership and group changes as grey lines between the messages.
 */
import type { ConversationEvent } from '@concord/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Spin } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPage, keys, loadNotices } from './api';
import { MessageBubble, SystemLine } from './message-bubble';
import { type ChatMessage, type MessageWindow, mergeOlder } from './message-cache';
import { noticeLines, timelineOf } from './notices';
import type { OutboxItem } from './outbox';
import { OutboxBubble } from './outbox-bubble';
import { groupMessages } from './time-format';
import { useTimeText } from './use-time-text';

export function MessageList({
  conversationId,
  window,
  outbox,
  notices,
  meId,
  myRole,
  nameOf,
  onReply,
  onReaders,
  onEdit,
}: {
  conversationId: string;
  window: MessageWindow;
  outbox: OutboxItem[];
  notices: ConversationEvent[];
  meId: string;
  myRole: string;
  nameOf: (memberId: string) => string | undefined;
  onReply: (message: ChatMessage) => void;
  onReaders: (message: ChatMessage) => void;
  onEdit: (message: ChatMessage) => void;
}) {
  const { t } = useTranslation('messages');
  const time = useTimeText();
  const queryClient = useQueryClient();
  const box = useRef<HTMLDivElement>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const stickToBottom = useRef(true);
  const rows = useMemo(
    () => groupMessages(timelineOf(window.items, notices, window.hasMore)),
    [window.items, window.hasMore, notices],
  );

  const loadOlder = useCallback(async () => {
    const oldest = window.items[0];
    if (!oldest || !window.hasMore || loadingOlder || !box.current) return;
    setLoadingOlder(true);
    anchor.current = { height: box.current.scrollHeight, top: box.current.scrollTop };
    try {
      const page = await fetchPage(conversationId, oldest.seq);
      loadNotices(queryClient, conversationId, page, oldest.seq);
      queryClient.setQueryData<MessageWindow>(keys.window(conversationId), (current) =>
        current ? mergeOlder(current, page) : current,
      );
    } finally {
      setLoadingOlder(false);
    }
  }, [conversationId, window, loadingOlder, queryClient]);

  // Images grow the list when they arrive: stay at the bottom if the reader was there.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const follow = (e: Event) => {
      if (e.target instanceof HTMLImageElement && stickToBottom.current) el.scrollTop = el.scrollHeight;
    };
    // Capture: load events do not bubble, but pass every ancestor on the way down.
    el.addEventListener('load', follow, true);
    return () => el.removeEventListener('load', follow, true);
  }, []);

  // Keep the view where it was when older messages are prepended; follow new ones at the bottom.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (anchor.current) {
      el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
      anchor.current = null;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [window.items, outbox, notices]);

  return (
    <div
      ref={box}
      data-testid="message-list"
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        if (el.scrollTop < 40) void loadOlder();
      }}
      style={{ flex: 1, overflowY: 'auto', padding: '8px 16px', background: '#f5f6f7', minHeight: 0 }}
    >
      <div style={{ textAlign: 'center', padding: 8, fontSize: 12, color: '#8c8c8c' }}>
        {loadingOlder ? (
          <Spin size="small" />
        ) : window.hasMore ? (
          <Button type="link" size="small" onClick={() => void loadOlder()}>
            {t('conversation.loadOlder')}
          </Button>
        ) : window.items.length > 0 ? (
          t('conversation.noOlder')
        ) : null}
      </div>
      {window.items.length === 0 && outbox.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conversation.noMessages')} />
      ) : null}
      {rows.map((row) =>
        row.type === 'time' ? (
          <div key={row.key} style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, margin: '12px 0 4px' }}>
            {time.full(row.at)}
          </div>
        ) : row.message.notice ? (
          noticeLines(row.message.notice, { meId, nameOf, t }).map((line, i) => (
            <SystemLine key={`${row.key}-${i}`} text={line} />
          ))
        ) : row.message.message ? (
          <MessageBubble
            key={row.key}
            message={row.message.message}
            continued={row.continued}
            mine={row.message.message.sender?.id === meId}
            myRole={myRole}
            conversationId={conversationId}
            onReply={onReply}
            onReaders={onReaders}
            onEdit={onEdit}
          />
        ) : null,
      )}
      {outbox
        .filter((o) => !window.items.some((m) => m.clientMsgId === o.clientMsgId && m.sender?.id === meId))
        .map((o) => (
          <OutboxBubble key={o.clientMsgId} item={o} />
        ))}
    </div>
  );
}
