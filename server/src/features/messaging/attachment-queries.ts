/** Reads of attachments, always within the actor's org. */
import type { Kysely } from 'kysely';
import type { AttachmentTable, Database } from '../../platform/db/schema.js';

/** One attachment of the org with the recall time of the message that sent it (if sent). */
export async function findAttachment(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<(AttachmentTable & { recalled_at: string | null }) | null> {
  const row = await db
    .selectFrom('attachments')
    .leftJoin('messages', 'messages.id', 'attachments.message_id')
    .selectAll('attachments')
    .select('messages.recalled_at')
    .where('attachments.org_id', '=', orgId)
    .where('attachments.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, size: Number(row.size) } : null;
}
