/**
 * Doc rows → what an auditor sees of each record: its text read back from the archive (decrypted
 * when encrypted at rest) with highlight spans for the query, the conversation's name and kind,
 * the sender's name and kind. The only place archive search responses and exports get their rows.
 */
import type { Ctx } from '../../../app/context.js';
import { plainContent } from '../archive/verify-archive.js';
import type { HighlightSpan } from '../search-core/tokenize.js';
import { highlight } from '../search-core/tokenize.js';
import type { DocRow } from './find-docs.js';
import { type HitType, hitType, recordText } from './record-text.js';

export type ConversationRef = { id: string; name: string; kind: string };
export type PersonRef = { id: string; name: string; kind: 'staff' | 'guest' };

export type PresentedRecord = {
  id: string;
  seq: number;
  type: HitType;
  at: string;
  messageId: string | null;
  conversation: ConversationRef;
  sender: PersonRef | null;
  text: string;
  highlights: HighlightSpan[];
  previousText: string | null;
  previousHighlights: HighlightSpan[];
  fileName: string | null;
  fileHighlights: HighlightSpan[];
  /** `purged`: retention dropped the content; `unreadable`: encrypted and no key to read it. */
  content: 'present' | 'purged' | 'unreadable';
};

type Db = Pick<Ctx, 'db' | 'config'>;

/** Names of conversations (a direct chat is named by its two members) by id. */
export async function conversationRefs(ctx: Db, orgId: string, ids: readonly string[]) {
  const out = new Map<string, ConversationRef>();
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('conversations')
    .select(['id', 'name', 'kind', 'direct_key'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const peers = [...new Set(rows.flatMap((r) => (r.kind === 'direct' && r.direct_key ? r.direct_key.split(':') : [])))];
  const names = await personRefs(ctx, orgId, peers);
  for (const r of rows) {
    const name =
      r.name ??
      (r.direct_key
        ? r.direct_key
            .split(':')
            .map((id) => names.get(id)?.name ?? '')
            .filter(Boolean)
            .join('、')
        : '');
    out.set(r.id, { id: r.id, name, kind: r.kind });
  }
  return out;
}

export async function personRefs(ctx: Db, orgId: string, ids: readonly string[]) {
  const out = new Map<string, PersonRef>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('members')
      .select(['id', 'name', 'kind'])
      .where('org_id', '=', orgId)
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { id: r.id, name: r.name, kind: r.kind === 'guest' ? 'guest' : 'staff' });
  }
  return out;
}

const spans = (text: string | null, q: string): HighlightSpan[] => (text && q ? highlight(text, q) : []);

/** Presents doc rows in their order; `q` (may be empty) gives the highlight spans. */
export async function presentRecords(
  ctx: Db,
  orgId: string,
  docs: readonly DocRow[],
  q: string,
): Promise<PresentedRecord[]> {
  if (docs.length === 0) return [];
  const records = new Map(
    (
      await ctx.db
        .selectFrom('archive_records')
        .selectAll()
        .where('org_id', '=', orgId)
        .where(
          'id',
          'in',
          docs.map((d) => d.record_id),
        )
        .execute()
    ).map((r) => [r.id, r]),
  );
  const conversations = await conversationRefs(
    ctx,
    orgId,
    docs.map((d) => d.conversation_id),
  );
  const people = await personRefs(
    ctx,
    orgId,
    docs.flatMap((d) => (d.sender_id ? [d.sender_id] : [])),
  );
  return docs.map((doc) => {
    const row = records.get(doc.record_id);
    let content: PresentedRecord['content'] = 'present';
    let parsed: unknown = null;
    if (!row || row.content === null) content = 'purged';
    else {
      try {
        parsed = JSON.parse(plainContent(ctx, row) ?? 'null') as unknown;
      } catch {
        content = 'unreadable';
      }
    }
    const text = recordText(doc.type, parsed);
    return {
      id: doc.record_id,
      seq: doc.record_seq,
      type: hitType(doc.type),
      at: doc.at,
      messageId: doc.message_id,
      conversation: conversations.get(doc.conversation_id) ?? { id: doc.conversation_id, name: '', kind: 'group' },
      sender: doc.sender_id ? (people.get(doc.sender_id) ?? { id: doc.sender_id, name: '', kind: 'staff' }) : null,
      text: text.text,
      highlights: spans(text.text, q),
      previousText: text.previousText,
      previousHighlights: spans(text.previousText, q),
      fileName: text.fileName,
      fileHighlights: spans(text.fileName, q),
      content,
    };
  });
}
