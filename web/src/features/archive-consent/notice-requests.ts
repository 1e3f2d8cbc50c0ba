/**
 * An edit refused for want of an accepted notice asks the conversation's notice dialog to open;
 * once the notice is accepted the dialog runs the edit again.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type NoticeRequest = { conversationId: string; retry: () => void };

let current: NoticeRequest | null = null;
const listeners = new Set<() => void>();

function set(next: NoticeRequest | null) {
  current = next;
  for (const listener of listeners) listener();
}

export function askForArchiveNotice(conversationId: string, retry: () => void): void {
  set({ conversationId, retry });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The request waiting on this conversation's dialog, and a way to clear it. */
export function useNoticeRequest(conversationId: string): [NoticeRequest | null, () => void] {
  const request = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  const clear = useCallback(() => set(null), []);
  return [request?.conversationId === conversationId ? request : null, clear];
}
