/** Messages being sent (or that failed), per conversation, shown after the loaded ones until confirmed. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { keys, type SendInput, sendMessage } from './api';
import { type MessageWindow, upsertMessages } from './message-cache';

export type OutboxItem = SendInput & {
  conversationId: string;
  status: 'sending' | 'failed';
  createdAt: string;
  replyPreview: { senderName: string | null; body: string } | null;
};

let items: OutboxItem[] = [];
const listeners = new Set<() => void>();
const EMPTY: OutboxItem[] = [];
const cache = new Map<string, OutboxItem[]>();

function update(next: OutboxItem[]) {
  items = next;
  cache.clear();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(conversationId: string): OutboxItem[] {
  const known = cache.get(conversationId);
  if (known) return known;
  const mine = items.filter((i) => i.conversationId === conversationId);
  const value = mine.length > 0 ? mine : EMPTY;
  cache.set(conversationId, value);
  return value;
}

export function useOutbox(conversationId: string): OutboxItem[] {
  return useSyncExternalStore(
    subscribe,
    () => snapshot(conversationId),
    () => EMPTY,
  );
}

/** Sends (or resends, with the same clientMsgId) and moves the confirmed message into the window. */
export function useSend() {
  const queryClient = useQueryClient();
  return useCallback(
    async (item: Omit<OutboxItem, 'status'>) => {
      update([...items.filter((i) => i.clientMsgId !== item.clientMsgId), { ...item, status: 'sending' }]);
      const { conversationId, clientMsgId, body, mentions, mentionAll, replyToId } = item;
      try {
        const sent = await sendMessage(conversationId, { clientMsgId, body, mentions, mentionAll, replyToId });
        const key = keys.window(conversationId);
        if (queryClient.getQueryData<MessageWindow>(key)) {
          queryClient.setQueryData<MessageWindow>(key, (window) =>
            window ? { ...window, items: upsertMessages(window.items, [sent]) } : window,
          );
        } else {
          // The first page is still loading and may have been read before this message.
          void queryClient.invalidateQueries({ queryKey: key });
        }
        update(items.filter((i) => i.clientMsgId !== clientMsgId));
        void queryClient.invalidateQueries({ queryKey: keys.list });
      } catch {
        update(items.map((i) => (i.clientMsgId === clientMsgId ? { ...i, status: 'failed' } : i)));
      }
    },
    [queryClient],
  );
}
