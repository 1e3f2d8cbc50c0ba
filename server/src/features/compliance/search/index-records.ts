/**
 * Keeps the archive's search index in step with the archive, in the archiving transaction:
 * every appended message record gets a doc row (filter columns as they are now: the sender's
 * departments, whether the conversation is external, the external participants in it) and its
 * token text (tags + the tokenizer's tokens of text, previous text and file name) in the store's
 * full-text index. Retention calls `unindexArchiveRecords` when it drops content.
 */
import { type Kysely, sql } from 'kysely';
import type { Ctx } from '../../../app/context.js';
import type { Database } from '../../../platform/db/schema.js';
import type { AppendedRecord } from '../archive/append-records.js';
import { indexTokens, toFtsDocument } from '../search-core/tokenize.js';
import { DOC_SLOTS, docIdFloor, filterTags, timeTags } from './doc-keys.js';
import { ensureFtsPartition, ftsPartitionOf, ftsTableName } from './fts-partitions.js';
import { isMessageRecord, recordText, textPieces } from './record-text.js';
import { docSignature } from './walk-signature.js';

type Tx = Kysely<Database>;

export type DocInput = {
  orgId: string;
  recordId: string;
  recordSeq: number;
  type: string;
  at: string;
  conversationId: string;
  messageId: string | null;
  senderId: string | null;
  external: boolean;
  departmentIds: string[];
  guestIds: string[];
  /** The searchable pieces of text (message, previous text, file name). */
  pieces: string[];
};

/** The token text of a doc: its filter and time tags first, then the tokens of each piece. */
export function docText(doc: Omit<DocInput, 'orgId' | 'recordId' | 'recordSeq' | 'type' | 'messageId'>): string {
  const tags = [...timeTags(doc.at), ...filterTags(doc)];
  return toFtsDocument([...tags, ...doc.pieces.flatMap(indexTokens)]);
}

/**
 * Writes one doc row and its full-text entry; returns its doc id. The id is the first free slot
 * of the record's millisecond: the org's records are appended under its head lock, and a clash
 * with another org's record in the same millisecond takes the next slot.
 */
export type IndexBatch = { nextSlot: Map<number, number>; partitions: Set<number> };

export const newIndexBatch = (): IndexBatch => ({ nextSlot: new Map(), partitions: new Set() });

export async function insertDoc(ctx: Pick<Ctx, 'dialect'>, tx: Tx, doc: DocInput, batch: IndexBatch): Promise<number> {
  const { nextSlot } = batch;
  const floor = docIdFloor(doc.at);
  let candidate = nextSlot.get(floor);
  if (candidate === undefined) {
    const row = await tx
      .selectFrom('archive_search_docs')
      .select((eb) => eb.fn.max('doc_id').as('top'))
      .where('doc_id', '>=', floor)
      .where('doc_id', '<', floor + DOC_SLOTS)
      .executeTakeFirst();
    candidate = row?.top === null || row?.top === undefined ? floor : Number(row.top) + 1;
  }
  const text = docText(doc);
  for (; ; candidate++) {
    const inserted = await tx
      .insertInto('archive_search_docs')
      .values({
        doc_id: candidate,
        org_id: doc.orgId,
        record_id: doc.recordId,
        record_seq: doc.recordSeq,
        type: doc.type,
        at: doc.at,
        conversation_id: doc.conversationId,
        message_id: doc.messageId,
        sender_id: doc.senderId,
        external: doc.external ? 1 : 0,
        department_ids: JSON.stringify(doc.departmentIds),
        guest_ids: JSON.stringify(doc.guestIds),
        ...(ctx.dialect === 'postgres'
          ? {
              tokens: sql<string>`to_tsvector('simple', ${text})`,
              walk_sig: sql<string>`${docSignature(text)}::bit(512)`,
            }
          : {}),
      })
      .onConflict((oc) => oc.column('doc_id').doNothing())
      .returning('doc_id')
      .executeTakeFirst();
    if (inserted) break;
  }
  if (ctx.dialect === 'sqlite') {
    const partition = ftsPartitionOf(candidate);
    if (!batch.partitions.has(partition)) {
      await ensureFtsPartition(tx, partition);
      batch.partitions.add(partition);
    }
    await sql`INSERT INTO ${sql.table(ftsTableName(partition))} (rowid, body) VALUES (${candidate}, ${text})`.execute(
      tx,
    );
  }
  nextSlot.set(floor, candidate + 1);
  return candidate;
}

/** Who the conversation's external participants are now, and whether it is external. */
async function conversationFacts(tx: Tx, orgId: string, conversationIds: string[]) {
  const conversations = await tx
    .selectFrom('conversations')
    .select(['id', 'kind'])
    .where('org_id', '=', orgId)
    .where('id', 'in', conversationIds)
    .execute();
  const guests = await tx
    .selectFrom('conversation_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .select(['cm.conversation_id', 'cm.member_id'])
    .where('cm.org_id', '=', orgId)
    .where('cm.conversation_id', 'in', conversationIds)
    .where('m.kind', '=', 'guest')
    .execute();
  const facts = new Map<string, { external: boolean; guestIds: string[] }>();
  for (const c of conversations) facts.set(c.id, { external: c.kind === 'external', guestIds: [] });
  for (const g of guests) facts.get(g.conversation_id)?.guestIds.push(g.member_id);
  return facts;
}

/** Each sender's departments now, and which senders are external participants. */
async function senderFacts(tx: Tx, orgId: string, senderIds: string[]) {
  const departments = new Map<string, string[]>();
  const guests = new Set<string>();
  if (senderIds.length === 0) return { departments, guests };
  const rows = await tx
    .selectFrom('member_departments')
    .select(['member_id', 'department_id'])
    .where('org_id', '=', orgId)
    .where('member_id', 'in', senderIds)
    .orderBy('member_id')
    .orderBy('department_id')
    .execute();
  for (const r of rows) departments.set(r.member_id, [...(departments.get(r.member_id) ?? []), r.department_id]);
  const kinds = await tx
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', senderIds)
    .where('kind', '=', 'guest')
    .execute();
  for (const k of kinds) guests.add(k.id);
  return { departments, guests };
}

/** Indexes the message records among those just appended (call in the appending transaction). */
export async function indexArchiveRecords(
  ctx: Pick<Ctx, 'dialect'>,
  tx: Tx,
  orgId: string,
  appended: readonly AppendedRecord[],
): Promise<number> {
  const messages = appended.filter((a) => isMessageRecord(a.record.type) && a.record.conversationId !== null);
  if (messages.length === 0) return 0;
  const conversationIds = [...new Set(messages.map((a) => a.record.conversationId as string))];
  const senderIds = [...new Set(messages.flatMap((a) => (a.record.actorId ? [a.record.actorId] : [])))];
  const conversations = await conversationFacts(tx, orgId, conversationIds);
  const senders = await senderFacts(tx, orgId, senderIds);
  const batch = newIndexBatch();
  for (const { id, seq, record } of messages) {
    const conversationId = record.conversationId as string;
    const facts = conversations.get(conversationId) ?? { external: false, guestIds: [] };
    const senderId = record.actorId;
    const guestIds = [...facts.guestIds];
    if (senderId && senders.guests.has(senderId) && !guestIds.includes(senderId)) guestIds.push(senderId);
    await insertDoc(
      ctx,
      tx,
      {
        orgId,
        recordId: id,
        recordSeq: seq,
        type: record.type,
        at: record.at,
        conversationId,
        messageId: record.messageId,
        senderId,
        external: facts.external,
        departmentIds: senderId ? (senders.departments.get(senderId) ?? []) : [],
        guestIds: guestIds.sort(),
        pieces: textPieces(recordText(record.type, record.content)),
      },
      batch,
    );
  }
  return messages.length;
}

/**
 * Takes records out of the search index (retention dropped their content): their doc rows go,
 * and with them their full-text entries (by trigger on SQLite, in the row on PostgreSQL).
 */
export async function unindexArchiveRecords(tx: Tx, orgId: string, recordIds: readonly string[]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < recordIds.length; i += 500) {
    const chunk = recordIds.slice(i, i + 500);
    const result = await tx
      .deleteFrom('archive_search_docs')
      .where('org_id', '=', orgId)
      .where('record_id', 'in', chunk)
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}
