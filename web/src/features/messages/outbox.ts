/**
 * Messages being sent (or that failed), per conversation, shown after the loaded ones until
 * confirmed. An image or file is uploaded first (with progress, cancellable), then sent as a
 * message with the same clientMsgId on every retry; a retry after a finished upload only resends.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { ApiError } from '../../lib/api/api-error';
import { keys, type SendInput, sendMessage } from './api';
import { CANCELLED, startUpload } from './attachment-transfer';
import { expectedKind } from './attachments';
import { type AttachmentRef, type ChatMessage, type MessageWindow, upsertMessages } from './message-cache';

export type OutboxUpload = {
  file: File;
  /** The kind expected from the file's type, until the server says what it stored. */
  kind: 'image' | 'file';
  /** An object URL of a local image, for the preview while it uploads. */
  previewUrl: string | null;
  percent: number;
  /** Set once the upload finished: a retry then only resends the message. */
  uploaded: AttachmentRef | null;
};

export type OutboxItem = SendInput & {
  conversationId: string;
  status: 'uploading' | 'sending' | 'failed';
  createdAt: string;
  replyPreview: { senderName: string | null; body: string } | null;
  upload?: OutboxUpload;
  /** Why it failed, when the server said (e.g. a file over the size limit). */
  error?: ApiError | null;
};

let items: OutboxItem[] = [];
const listeners = new Set<() => void>();
const EMPTY: OutboxItem[] = [];
const cache = new Map<string, OutboxItem[]>();
/** Aborts of uploads in flight, by clientMsgId. */
const aborts = new Map<string, () => void>();

function update(next: OutboxItem[]) {
  items = next;
  cache.clear();
  for (const listener of listeners) listener();
}

/** Puts an item in the outbox, keeping its place when it is already there (a retry, a queued file). */
function put(item: OutboxItem) {
  const at = items.findIndex((i) => i.clientMsgId === item.clientMsgId);
  update(at < 0 ? [...items, item] : items.map((i, n) => (n === at ? item : i)));
}

function patch(clientMsgId: string, change: (item: OutboxItem) => OutboxItem) {
  update(items.map((i) => (i.clientMsgId === clientMsgId ? change(i) : i)));
}

function drop(clientMsgId: string) {
  const gone = items.find((i) => i.clientMsgId === clientMsgId);
  if (gone?.upload?.previewUrl) URL.revokeObjectURL(gone.upload.previewUrl);
  update(items.filter((i) => i.clientMsgId !== clientMsgId));
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

/** Stops an upload in flight (or forgets a failed item): the message is never sent. */
export function cancelOutboxItem(clientMsgId: string): void {
  aborts.get(clientMsgId)?.();
  aborts.delete(clientMsgId);
  drop(clientMsgId);
}

/** A new outbox item for a file picked, pasted or dropped into a conversation. */
export function fileItem(conversationId: string, file: File): Omit<OutboxItem, 'status'> {
  const kind = expectedKind(file);
  return {
    conversationId,
    clientMsgId: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    replyPreview: null,
    upload: {
      file,
      kind,
      previewUrl: kind === 'image' ? URL.createObjectURL(file) : null,
      percent: 0,
      uploaded: null,
    },
  };
}

function confirm(queryClient: QueryClient, sent: ChatMessage) {
  const key = keys.window(sent.conversationId);
  if (queryClient.getQueryData<MessageWindow>(key)) {
    queryClient.setQueryData<MessageWindow>(key, (window) =>
      window ? { ...window, items: upsertMessages(window.items, [sent]) } : window,
    );
  } else {
    // The first page is still loading and may have been read before this message.
    void queryClient.invalidateQueries({ queryKey: key });
  }
  void queryClient.invalidateQueries({ queryKey: keys.list });
}

/** Uploads the item's file unless that already happened; null when cancelled or failed. */
async function uploadOf(queryClient: QueryClient, item: OutboxItem): Promise<AttachmentRef | null> {
  const upload = item.upload;
  if (!upload) return null;
  if (upload.uploaded) return upload.uploaded;
  const { clientMsgId } = item;
  const running = startUpload(item.conversationId, upload.file, (percent) => {
    const current = items.find((i) => i.clientMsgId === clientMsgId)?.upload?.percent;
    if (current !== percent) patch(clientMsgId, (i) => (i.upload ? { ...i, upload: { ...i.upload, percent } } : i));
  });
  aborts.set(clientMsgId, running.abort);
  try {
    const uploaded = await running.done;
    // The sender sees their own file without downloading it again.
    queryClient.setQueryData(keys.attachment(uploaded.id), upload.file);
    patch(clientMsgId, (i) =>
      i.upload ? { ...i, status: 'sending', upload: { ...i.upload, percent: 100, uploaded } } : i,
    );
    return uploaded;
  } catch (error) {
    if ((error as ApiError).code !== CANCELLED) {
      patch(clientMsgId, (i) => ({ ...i, status: 'failed', error: error as ApiError }));
    }
    return null;
  } finally {
    aborts.delete(clientMsgId);
  }
}

/** Sends (or resends, with the same clientMsgId) and moves the confirmed message into the window. */
export function useSend() {
  const queryClient = useQueryClient();
  return useCallback(
    async (item: Omit<OutboxItem, 'status'>) => {
      const { conversationId, clientMsgId } = item;
      const uploading = Boolean(item.upload && !item.upload.uploaded);
      const queued: OutboxItem = { ...item, status: uploading ? 'uploading' : 'sending', error: null };
      put(queued);
      let attachment: AttachmentRef | null = null;
      if (item.upload) {
        attachment = await uploadOf(queryClient, queued);
        if (!attachment) return;
      }
      const { body, mentions, mentionAll, replyToId } = item;
      const input: SendInput = attachment
        ? { clientMsgId, kind: attachment.kind, attachmentId: attachment.id, body: body || undefined, replyToId }
        : { clientMsgId, body, mentions, mentionAll, replyToId };
      try {
        const sent = await sendMessage(conversationId, input);
        confirm(queryClient, sent);
        drop(clientMsgId);
      } catch (error) {
        patch(clientMsgId, (i) => ({ ...i, status: 'failed', error: error as ApiError }));
      }
    },
    [queryClient],
  );
}

/** Sends picked, pasted or dropped files one after another, so they arrive in the order chosen. */
export function useSendFiles() {
  const send = useSend();
  return useCallback(
    (conversationId: string, files: File[]) => {
      const queued = files.map((file) => fileItem(conversationId, file));
      // Shown at once, waiting their turn.
      update([...items, ...queued.map((q): OutboxItem => ({ ...q, status: 'uploading' }))]);
      void (async () => {
        for (const item of queued) {
          // Skipped when cancelled while waiting.
          if (items.some((i) => i.clientMsgId === item.clientMsgId)) await send(item);
        }
      })();
    },
    [send],
  );
}
