/** Pure updates of a conversation's loaded messages: live events, sends and older pages merge here. */
import type { ConversationEvent } from '@concord/protocol';

export type MessageWindow = { items: ChatMessage[]; hasMore: boolean };

/** An uploaded image or file as a message carries it (kind decided by the server from the bytes). */
export type AttachmentRef = {
  id: string;
  kind: 'image' | 'file';
  name: string;
  size: number;
  mime: string;
  sha256: string;
};

export type ChatMessage = {
  id: string;
  conversationId: string;
  seq: number;
  sender: { id: string; name: string } | null;
  kind: string;
  body: string;
  mentions: string[];
  mentionAll: boolean;
  replyTo: { id: string; seq: number; senderName: string | null; body: string; recalled: boolean } | null;
  /** The image or file of an image/file message; null (or absent) otherwise and once recalled. */
  attachment?: AttachmentRef | null;
  createdAt: string;
  editedAt: string | null;
  recalledAt: string | null;
  clientMsgId: string | null;
};

/** Inserts or replaces messages by id, keeping the list sorted by seq (oldest first). */
export function upsertMessages(items: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(items.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

function isMessage(value: unknown): value is ChatMessage {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.seq === 'number' && typeof v.conversationId === 'string';
}

/** Applies one conversation event to the loaded window (unchanged when the event does not touch messages). */
export function applyEventToWindow(window: MessageWindow, event: ConversationEvent): MessageWindow {
  const p = event.payload;
  switch (event.type) {
    case 'message.created':
      return isMessage(p) ? { ...window, items: upsertMessages(window.items, [p]) } : window;
    case 'message.edited': {
      const id = typeof p.messageId === 'string' ? p.messageId : event.messageId;
      return {
        ...window,
        items: window.items.map((m) =>
          m.id === id
            ? {
                ...m,
                body: typeof p.body === 'string' ? p.body : m.body,
                editedAt: typeof p.editedAt === 'string' ? p.editedAt : event.at,
              }
            : m,
        ),
      };
    }
    case 'message.recalled': {
      const id = typeof p.messageId === 'string' ? p.messageId : event.messageId;
      const recalledAt = typeof p.recalledAt === 'string' ? p.recalledAt : event.at;
      return {
        ...window,
        items: window.items.map((m) => {
          if (m.id === id) return { ...m, body: '', attachment: null, recalledAt };
          if (m.replyTo?.id === id) return { ...m, replyTo: { ...m.replyTo, body: '', recalled: true } };
          return m;
        }),
      };
    }
    default:
      return window;
  }
}

/** Older page fetched with `before=`: prepended, duplicates merged; `hasMore` comes from that page. */
export function mergeOlder(window: MessageWindow, page: MessageWindow): MessageWindow {
  return { items: upsertMessages(window.items, page.items), hasMore: page.hasMore };
}

export function removeMessage(window: MessageWindow, id: string): MessageWindow {
  return { ...window, items: window.items.filter((m) => m.id !== id) };
}
