/** Parsing client frames and reading conversation events off the bus; nothing here trusts input. */
import {
  type ClientFrame,
  CONVERSATION_EVENT_TYPES,
  type ConversationEvent,
  type ConversationEventType,
  type ServerFrame,
} from '@concord/protocol';
import type { DomainEvent } from '../platform/bus.js';

/** Close codes the gateway uses besides the standard ones. */
export const CLOSE = {
  /** No valid session token (missing, unknown, revoked, expired, member not active). */
  unauthorized: 4401,
  /** The client reads too slowly; it should reconnect and resume. */
  tooSlow: 4408,
} as const;

/** Most conversations one resume frame may name. */
export const MAX_RESUME_CURSORS = 5000;
/** Largest client frame, in bytes; frames are tiny, anything bigger is refused. */
export const MAX_FRAME_BYTES = 256 * 1024;

const ID = /^[0-9a-zA-Z-]{1,64}$/;

type Parsed = { ok: true; frame: ClientFrame } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{conversationId: lastSeenSeq}`, or the reason it is refused. */
function parseCursors(value: unknown): Record<string, number> | string {
  if (!isRecord(value)) return 'cursors must be {conversationId: seq}';
  const entries = Object.entries(value);
  if (entries.length > MAX_RESUME_CURSORS) return 'Too many cursors';
  const cursors: Record<string, number> = {};
  for (const [id, seq] of entries) {
    if (!ID.test(id) || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
      return 'Each cursor is a conversation id and a whole seq ≥ 0';
    cursors[id] = seq;
  }
  return cursors;
}

/** Validates one text frame from a client. */
export function parseClientFrame(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Frames are JSON objects' };
  }
  if (!isRecord(value) || typeof value.type !== 'string') return { ok: false, message: 'A frame needs a type' };
  switch (value.type) {
    case 'ping':
      return { ok: true, frame: { type: 'ping' } };
    case 'auth': {
      if (typeof value.token !== 'string' || value.token.length === 0 || value.token.length > 512)
        return { ok: false, message: 'auth needs a token' };
      if (value.cursors === undefined) return { ok: true, frame: { type: 'auth', token: value.token } };
      const cursors = parseCursors(value.cursors);
      if (typeof cursors === 'string') return { ok: false, message: cursors };
      return { ok: true, frame: { type: 'auth', token: value.token, cursors } };
    }
    case 'typing':
      if (typeof value.conversationId !== 'string' || !ID.test(value.conversationId))
        return { ok: false, message: 'typing needs a conversationId' };
      return { ok: true, frame: { type: 'typing', conversationId: value.conversationId } };
    case 'resume': {
      const cursors = parseCursors(value.cursors);
      if (typeof cursors === 'string') return { ok: false, message: cursors };
      return { ok: true, frame: { type: 'resume', cursors } };
    }
    default:
      return { ok: false, message: `Unknown frame type "${value.type.slice(0, 40)}"` };
  }
}

/** The text of a server frame. */
export const frameText = (frame: ServerFrame): string => JSON.stringify(frame);

const EVENT_TYPES = new Set<string>(CONVERSATION_EVENT_TYPES);

/** The conversation event a bus event carries (`publishEvents` puts it in `data`), or null. */
export function conversationEventOf(event: DomainEvent): ConversationEvent | null {
  const d = event.data;
  if (!EVENT_TYPES.has(event.type) || typeof d.conversationId !== 'string' || typeof d.seq !== 'number') return null;
  return {
    conversationId: d.conversationId,
    seq: d.seq,
    type: event.type as ConversationEventType,
    actorId: typeof d.actorId === 'string' ? d.actorId : null,
    messageId: typeof d.messageId === 'string' ? d.messageId : null,
    payload: isRecord(d.payload) ? d.payload : {},
    at: typeof d.at === 'string' ? d.at : event.at,
  };
}

/** Member ids named by a membership event's payload (`memberIds` or `memberId`). */
export function memberIdsNamedBy(event: ConversationEvent): string[] {
  const p = event.payload;
  const ids = Array.isArray(p.memberIds) ? p.memberIds.filter((v): v is string => typeof v === 'string') : [];
  if (typeof p.memberId === 'string') ids.push(p.memberId);
  return ids;
}
