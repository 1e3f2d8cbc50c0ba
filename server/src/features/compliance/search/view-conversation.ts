/**
 * Replays an archived conversation around a hit: the message records of one conversation in
 * archive order (records up to and including `around`, and after it), within the auditor's data
 * scope, each created message marked when it was later edited, recalled or hidden. Written to the
 * audit log like every other look into the archive.
 */
import type { Ctx } from '../../../app/context.js';
import type { Actor } from '../../../authz/actor.js';
import { notFound } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/record.js';
import { type ArchiveScope, archiveScope, docVisible } from './archive-scope.js';
import { DOC_COLUMNS, type DocRow } from './find-docs.js';
import {
  type ConversationRef,
  conversationRefs,
  type PersonRef,
  type PresentedRecord,
  personRefs,
  presentRecords,
} from './present-records.js';

export type ConversationViewInput = {
  /** The archive seq of the record to centre on; the newest records when absent. */
  around?: number | undefined;
  before?: number | undefined;
  after?: number | undefined;
  /** Highlights these terms in the replay (nothing is filtered by it). */
  q?: string | undefined;
};

export type RecordMarks = { edited: boolean; recalled: boolean; hiddenBy: PersonRef[] };

export type ConversationView = {
  conversation: ConversationRef;
  items: (PresentedRecord & { marks: RecordMarks | null })[];
  hasBefore: boolean;
  hasAfter: boolean;
};

/**
 * Up to `count` visible docs of the conversation from `seq` onwards in one direction (`older`:
 * seq ≤ from, newest first; newer: seq > from, oldest first), and whether more are visible.
 */
export async function conversationDocs(
  ctx: Pick<Ctx, 'db'>,
  orgId: string,
  conversationId: string,
  scope: ArchiveScope,
  direction: 'older' | 'newer',
  from: number | null,
  count: number,
): Promise<{ docs: DocRow[]; more: boolean }> {
  const docs: DocRow[] = [];
  const page = Math.max(count + 1, 200);
  let bound = from;
  let inclusive = true;
  for (;;) {
    let query = ctx.db
      .selectFrom('archive_search_docs')
      .select(DOC_COLUMNS)
      .where('org_id', '=', orgId)
      .where('conversation_id', '=', conversationId);
    if (direction === 'older') {
      if (bound !== null) query = query.where('record_seq', inclusive ? '<=' : '<', bound);
      query = query.orderBy('record_seq', 'desc');
    } else {
      if (bound !== null) query = query.where('record_seq', '>', bound);
      query = query.orderBy('record_seq', 'asc');
    }
    const rows = (await query.limit(page).execute()).map((r) => ({
      ...r,
      doc_id: Number(r.doc_id),
      record_seq: Number(r.record_seq),
      external: Number(r.external),
    }));
    for (const row of rows) {
      if (!docVisible(scope, row)) continue;
      if (docs.length === count) return { docs, more: true };
      docs.push(row);
    }
    const last = rows.at(-1);
    if (rows.length < page || !last) return { docs, more: false };
    bound = last.record_seq;
    inclusive = false;
  }
}

/** Edits, recalls and hides of these messages, anywhere in the archive. */
async function marksOf(ctx: Pick<Ctx, 'db' | 'config'>, orgId: string, messageIds: string[]) {
  const marks = new Map<string, RecordMarks>();
  if (messageIds.length === 0) return marks;
  const rows = await ctx.db
    .selectFrom('archive_search_docs')
    .select(['message_id', 'type', 'sender_id'])
    .where('org_id', '=', orgId)
    .where('message_id', 'in', messageIds)
    .where('type', 'in', ['message.edited', 'message.recalled', 'message.hidden'])
    .orderBy('record_seq')
    .execute();
  const people = await personRefs(
    ctx,
    orgId,
    rows.flatMap((r) => (r.type === 'message.hidden' && r.sender_id ? [r.sender_id] : [])),
  );
  for (const r of rows) {
    if (!r.message_id) continue;
    const mark = marks.get(r.message_id) ?? { edited: false, recalled: false, hiddenBy: [] };
    if (r.type === 'message.edited') mark.edited = true;
    if (r.type === 'message.recalled') mark.recalled = true;
    if (r.type === 'message.hidden' && r.sender_id) {
      mark.hiddenBy.push(people.get(r.sender_id) ?? { id: r.sender_id, name: '', kind: 'staff' });
    }
    marks.set(r.message_id, mark);
  }
  return marks;
}

/** The conversation's name and kind, or 404 when it is not the org's. */
export async function archivedConversation(ctx: Pick<Ctx, 'db' | 'config'>, orgId: string, conversationId: string) {
  const conversation = (await conversationRefs(ctx, orgId, [conversationId])).get(conversationId);
  if (!conversation) throw notFound('conversation');
  return conversation;
}

/** Presents docs with their marks (for created messages). */
export async function presentWithMarks(
  ctx: Pick<Ctx, 'db' | 'config'>,
  orgId: string,
  docs: DocRow[],
  q: string,
): Promise<ConversationView['items']> {
  const items = await presentRecords(ctx, orgId, docs, q);
  const marks = await marksOf(
    ctx,
    orgId,
    docs.flatMap((d) => (d.type === 'message.created' && d.message_id ? [d.message_id] : [])),
  );
  return items.map((item) => ({
    ...item,
    marks: item.type === 'created' && item.messageId ? (marks.get(item.messageId) ?? null) : null,
  }));
}

export async function viewArchivedConversation(
  ctx: Ctx,
  actor: Actor,
  conversationId: string,
  input: ConversationViewInput,
): Promise<ConversationView> {
  const scope = await archiveScope(ctx, actor);
  const conversation = await archivedConversation(ctx, actor.orgId, conversationId);
  const around = input.around ?? null;
  const older = await conversationDocs(ctx, actor.orgId, conversationId, scope, 'older', around, input.before ?? 20);
  const newer =
    around === null
      ? { docs: [], more: false }
      : await conversationDocs(ctx, actor.orgId, conversationId, scope, 'newer', around, input.after ?? 20);
  const docs = [...older.docs.reverse(), ...newer.docs];
  const items = await presentWithMarks(ctx, actor.orgId, docs, input.q?.trim() ?? '');
  await recordAudit(ctx, ctx.db, {
    orgId: actor.orgId,
    who: actor,
    action: 'archive.conversation_viewed',
    target: { type: 'conversation', id: conversation.id, label: conversation.name },
    after: { around, records: items.length },
  });
  return { conversation, items, hasBefore: older.more, hasAfter: newer.more };
}
