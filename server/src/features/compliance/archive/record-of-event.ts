/**
 * What the archive keeps of each conversation event: the message text (and, for an edit, the
 * text before it), the file's name, size and SHA-256, and membership and group changes as the
 * event states them. Typing and receipts are not archived.
 */
import type { ConversationEvent } from '@concord/protocol';
import type { JsonValue } from '../archive-core/canonical-json.js';
import type { NewArchiveRecord } from './append-records.js';

/** Drops undefined (not JSON) so canonical JSON accepts the value. */
function json(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

function withOriginal(payload: Record<string, unknown>, original: string | undefined): Record<string, unknown> {
  return original === undefined ? payload : { ...payload, body: original, maskedBody: payload.body };
}

function messageContent(payload: Record<string, unknown>): JsonValue {
  const attachment = payload.attachment as Record<string, unknown> | null | undefined;
  return json({
    messageId: payload.id,
    kind: payload.kind,
    body: payload.body,
    ...(payload.maskedBody === undefined ? {} : { maskedBody: payload.maskedBody }),
    sender: payload.sender,
    mentions: payload.mentions ?? [],
    mentionAll: payload.mentionAll ?? false,
    replyToId: (payload.replyTo as { id?: unknown } | null | undefined)?.id ?? null,
    attachment: attachment
      ? {
          id: attachment.id,
          kind: attachment.kind,
          name: attachment.name,
          size: attachment.size,
          mime: attachment.mime,
          sha256: attachment.sha256,
        }
      : null,
  });
}

/**
 * `original`: the text as written when recipients were shown a masked text; the record then
 * carries the original as `body` and what was shown as `maskedBody`.
 */
export function recordOfEvent(event: ConversationEvent, original?: string): NewArchiveRecord {
  const base = {
    sourceKey: `ev:${event.conversationId}:${event.seq}`,
    type: event.type,
    at: event.at,
    conversationId: event.conversationId,
    actorId: event.actorId,
    messageId: event.messageId,
    attrs: { eventSeq: event.seq, ...(event.messageId ? { messageId: event.messageId } : {}) },
  };
  switch (event.type) {
    case 'message.created':
      return { ...base, content: messageContent(withOriginal(event.payload, original)) };
    case 'message.edited':
      return {
        ...base,
        content: json({
          messageId: event.messageId,
          previousBody: event.payload.previousBody,
          ...withOriginal({ body: event.payload.body }, original),
        }),
      };
    case 'message.recalled':
      return { ...base, content: json({ messageId: event.messageId, recalledAt: event.payload.recalledAt }) };
    default:
      return { ...base, content: json(event.payload) };
  }
}

/** A member deleting a message for themselves (not a conversation event: only the archive sees it). */
export function recordOfHide(hide: {
  messageId: string;
  memberId: string;
  conversationId: string;
  at: string;
}): NewArchiveRecord {
  return {
    sourceKey: `hide:${hide.messageId}:${hide.memberId}`,
    type: 'message.hidden',
    at: hide.at,
    conversationId: hide.conversationId,
    actorId: hide.memberId,
    messageId: hide.messageId,
    attrs: { messageId: hide.messageId },
    content: json({ messageId: hide.messageId, memberId: hide.memberId }),
  };
}
