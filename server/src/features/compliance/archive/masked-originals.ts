/**
 * The text as written behind masked messages, for the archive: a sensitive-content rule may have
 * shown recipients a masked text while the message row keeps the original (`original_body`, never
 * presented). For each message event whose shown text is still the row's, the original by seq.
 * If the message was edited again before this sync, the earlier original is no longer on the row
 * (the alert raised for it keeps the text).
 */
import type { ConversationEvent } from '@concord/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

export async function maskedOriginals(
  db: Kysely<Database>,
  orgId: string,
  events: readonly ConversationEvent[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const messageEvents = events.filter(
    (e) => e.messageId && (e.type === 'message.created' || e.type === 'message.edited'),
  );
  if (messageEvents.length === 0) return out;
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'body', 'original_body'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(messageEvents.map((e) => e.messageId as string))])
    .where('original_body', 'is not', null)
    .execute();
  if (rows.length === 0) return out;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const event of messageEvents) {
    const row = byId.get(event.messageId as string);
    if (row?.original_body != null && row.body === event.payload.body) out.set(event.seq, row.original_body);
  }
  return out;
}
