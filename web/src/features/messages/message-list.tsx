/** The scrolling message history: newest at the bottom, older pages loaded when scrolled to the top. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Spin } from 'antd';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPage, keys } from './api';
import { MessageBubble } from './message-bubble';
import { type ChatMessage, type MessageWindow, mergeOlder } from './message-cache';
import type { OutboxItem } from './outbox';
import { OutboxBubble } from './outbox-bubble';
import { groupMessages } from './time-format';
import { useTimeText } from './use-time-text';

export function MessageList({
  conversationId,
  window,
  outbox,
  meId,
  myRole,
  onReply,
  onReaders,
}: {
  conversationId: string;
  window: MessageWindow;
  outbox: OutboxItem[];
  meId: string;
  myRole: string;
  onReply: (message: ChatMessage) => void;
  onReaders: (message: ChatMessage) => void;
}) {
  const { t } = useTranslation('messages');
  const time = useTimeText();
  const queryClient = useQueryClient();
  const box = useRef<HTMLDivElement>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const stickToBottom = useRef(true);
  const rows = groupMessages(window.items);

  const loadOlder = useCallback(async () => {
    const oldest = window.items[0];
    if (!oldest || !window.hasMore || loadingOlder || !box.current) return;
    setLoadingOlder(true);
    anchor.current = { height: box.current.scrollHeight, top: box.current.scrollTop };
    try {
      const page = await fetchPage(conversationId, oldest.seq);
      queryClient.setQueryData<MessageWindow>(keys.window(conversationId), (current) =>
        current ? mergeOlder(current, page) : current,
      );
    } finally {
      setLoadingOlder(false);
    }
  }, [conversationId, window, loadingOlder, queryClient]);

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
  }, [window.items, outbox]);

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
        ) : (
          <MessageBubble
            key={row.key}
            message={row.message}
            continued={row.continued}
            mine={row.message.sender?.id === meId}
            myRole={myRole}
            conversationId={conversationId}
            onReply={onReply}
            onReaders={onReaders}
          />
        ),
      )}
      {outbox
        .filter((o) => !window.items.some((m) => m.clientMsgId === o.clientMsgId && m.sender?.id === meId))
        .map((o) => (
          <OutboxBubble key={o.clientMsgId} item={o} />
        ))}
    </div>
  );
}
