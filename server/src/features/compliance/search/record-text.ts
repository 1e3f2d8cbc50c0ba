/**
 * What of an archived message record is searchable and shown: the message text, for an edit
 * also the text before it, and a file's name. Read from the record's content (canonical JSON,
 * as record-of-event.ts writes it), at indexing and again when presenting a hit.
 */

export const MESSAGE_RECORD_TYPES = [
  'message.created',
  'message.edited',
  'message.recalled',
  'message.hidden',
] as const;
export type MessageRecordType = (typeof MESSAGE_RECORD_TYPES)[number];

/** The short type name the API uses. */
export type HitType = 'created' | 'edited' | 'recalled' | 'hidden';

export const hitType = (type: string): HitType => (type.startsWith('message.') ? type.slice(8) : type) as HitType;

export const isMessageRecord = (type: string): type is MessageRecordType =>
  (MESSAGE_RECORD_TYPES as readonly string[]).includes(type);

export type RecordText = {
  /** The message text (for an edit, the new text); '' when the record has none. */
  text: string;
  /** For an edit: the text before it. */
  previousText: string | null;
  /** The attached file's name. */
  fileName: string | null;
};

const EMPTY: RecordText = { text: '', previousText: null, fileName: null };

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function recordText(type: string, content: unknown): RecordText {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) return EMPTY;
  const c = content as Record<string, unknown>;
  if (type === 'message.created') {
    const attachment = c.attachment as Record<string, unknown> | null | undefined;
    return { text: str(c.body) ?? '', previousText: null, fileName: str(attachment?.name) };
  }
  if (type === 'message.edited') return { text: str(c.body) ?? '', previousText: str(c.previousBody), fileName: null };
  return EMPTY;
}

/** The pieces to tokenize, each on its own (a CJK phrase never spans two pieces). */
export const textPieces = (t: RecordText): string[] =>
  [t.text, t.previousText, t.fileName].filter((p): p is string => p !== null && p !== '');
